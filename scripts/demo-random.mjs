// Seeded randomness for the demo-data generators (scripts/gen-demo-*.mjs): the same seed gives the
// same invented county every time, so generated files only change when the generator does.

/** Mulberry32: small, fast, deterministic; returns floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `rand` plus the helpers both generators use, all drawing from one seeded stream. */
export function seeded(seed) {
  const rand = mulberry32(seed);
  return {
    rand,
    pick: (arr) => arr[Math.floor(rand() * arr.length)],
    int: (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1)),
    chance: (p) => rand() < p,
  };
}
