// Per-client token buckets: `burst` requests at once, then one every 60/perMinute seconds.
// In memory, per process: with several processes behind a balancer each counts on its own,
// which still bounds a single client.

export class RateLimiter {
  /** @param {{perMinute: number, burst: number}} o */
  constructor({ perMinute, burst }) {
    this.rate = perMinute / 60_000; // tokens per ms
    this.burst = burst;
    this.buckets = new Map();
    // Full buckets carry no information: forget them now and then, so the map stays small.
    this.timer = setInterval(() => this.sweep(), 60_000);
    this.timer.unref();
  }

  #bucket(client, now) {
    let b = this.buckets.get(client);
    if (!b) { b = { tokens: this.burst, at: now }; this.buckets.set(client, b); }
    b.tokens = Math.min(this.burst, b.tokens + (now - b.at) * this.rate);
    b.at = now;
    return b;
  }

  /** Takes one token: 0 when allowed, else the milliseconds until one is free. */
  take(client, now = Date.now()) {
    const b = this.#bucket(client, now);
    if (b.tokens >= 1) { b.tokens -= 1; return 0; }
    return Math.ceil((1 - b.tokens) / this.rate);
  }

  /** Like take, without taking: 0 when a token is free. */
  peek(client, now = Date.now()) {
    const b = this.#bucket(client, now);
    return b.tokens >= 1 ? 0 : Math.ceil((1 - b.tokens) / this.rate);
  }

  sweep(now = Date.now()) {
    for (const [k, b] of this.buckets) if (b.tokens + (now - b.at) * this.rate >= this.burst) this.buckets.delete(k);
  }
}
