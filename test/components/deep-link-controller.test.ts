// The deep-link controller on a tiny host of its own: the page's hash on load and on hashchange
// reaches the host's callbacks, `deep-link="off"` silences it, a disconnected host listens no more.
import { expect } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { DeepLinkController } from '../../src/controllers/deep-link-controller.js';

class DeepLinkProbe extends LitElement {
  /** What the host has been asked to go to, in order. */
  readonly jumps: string[] = [];
  /** What `resolve` was handed. */
  readonly seen: string[] = [];
  /** The host's content is there (the first follow waits for it). */
  loaded = true;
  readonly links = new DeepLinkController(this, {
    resolve: (hash) => { this.seen.push(hash); return hash.startsWith('p-') ? hash.slice(2) : undefined; },
    jump: (target) => { this.jumps.push(target); },
    ready: () => this.loaded,
  });
  override render() { return html`<p>probe</p>`; }
}
customElements.define('rd-deep-link-probe', DeepLinkProbe);

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
/** Sets the hash; `hashchange` is dispatched asynchronously, so wait a little. */
async function setHash(h: string) {
  location.hash = h;
  await new Promise((r) => setTimeout(r, 30));
}
async function mount(attrs: Record<string, string> = {}, setup?: (el: DeepLinkProbe) => void): Promise<DeepLinkProbe> {
  const el = document.createElement('rd-deep-link-probe') as DeepLinkProbe;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  setup?.(el);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

describe('DeepLinkController', () => {
  let els: DeepLinkProbe[] = [];
  const track = (el: DeepLinkProbe) => { els.push(el); return el; };
  afterEach(() => {
    for (const el of els) el.remove();
    els = [];
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('follows the hash found on load, after the first update', async () => {
    history.replaceState(null, '', '#p-12');
    const el = track(await mount());
    expect(el.jumps).to.deep.equal(['12']);
    expect(el.seen).to.deep.equal(['p-12']);
  });

  it('hands the hash over as the address has it (percent-encoded), without the #', async () => {
    history.replaceState(null, '', `#${encodeURIComponent('第十二条')}`);
    const el = track(await mount());
    expect(el.seen).to.deep.equal([encodeURIComponent('第十二条')]);
    expect(el.jumps).to.deep.equal([]);
  });

  it('no hash, or a bare #: nothing is resolved', async () => {
    const el = track(await mount());
    history.replaceState(null, '', '#');
    el.links.rearm();
    el.requestUpdate();
    await el.updateComplete;
    expect(el.seen).to.deep.equal([]);
    expect(el.jumps).to.deep.equal([]);
  });

  it('follows each hash change while connected; a hash that is not ours does nothing', async () => {
    const el = track(await mount());
    await setHash('p-3');
    await setHash('other');
    await setHash('p-7');
    expect(el.jumps).to.deep.equal(['3', '7']);
    expect(el.seen).to.deep.equal(['p-3', 'other', 'p-7']);
  });

  it('waits for ready: the hash on load is followed once the content is there, once', async () => {
    history.replaceState(null, '', '#p-5');
    const el = track(await mount({}, (e) => { e.loaded = false; }));
    expect(el.jumps).to.deep.equal([]);
    el.loaded = true;
    el.requestUpdate();
    await el.updateComplete;
    expect(el.jumps).to.deep.equal(['5']);
    el.requestUpdate();
    await el.updateComplete;
    expect(el.jumps, 'not again on a later update').to.deep.equal(['5']);
    el.links.rearm();
    el.requestUpdate();
    await el.updateComplete;
    expect(el.jumps, 'again after rearm (new content)').to.deep.equal(['5', '5']);
  });

  it('a hash change before the content is ready is picked up when it is', async () => {
    const el = track(await mount({}, (e) => { e.loaded = false; }));
    await setHash('p-9');
    expect(el.jumps).to.deep.equal([]);
    el.loaded = true;
    el.requestUpdate();
    await el.updateComplete;
    expect(el.jumps).to.deep.equal(['9']);
  });

  it('deep-link="off": neither the hash on load nor a change reaches the host', async () => {
    history.replaceState(null, '', '#p-1');
    const el = track(await mount({ 'deep-link': 'off' }));
    await setHash('p-2');
    expect(el.links.enabled).to.equal(false);
    expect(el.seen).to.deep.equal([]);
    expect(el.jumps).to.deep.equal([]);
    expect(el.links.follow()).to.equal(false);
  });

  it('switched back on, it follows the next change', async () => {
    const el = track(await mount({ 'deep-link': 'off' }));
    el.setAttribute('deep-link', 'on');
    await setHash('p-4');
    expect(el.jumps).to.deep.equal(['4']);
  });

  it('a disconnected host has no listener; reconnected it listens again (once)', async () => {
    const el = track(await mount());
    el.remove();
    await setHash('p-6');
    expect(el.seen).to.deep.equal([]);
    document.body.append(el);
    await frame();
    await setHash('p-8');
    expect(el.jumps).to.deep.equal(['8']);
  });

  it('follow() says whether it went somewhere', async () => {
    const el = track(await mount());
    history.replaceState(null, '', '#p-2');
    expect(el.links.follow()).to.equal(true);
    history.replaceState(null, '', '#nope');
    expect(el.links.follow()).to.equal(false);
    el.loaded = false;
    history.replaceState(null, '', '#p-2');
    expect(el.links.follow(), 'not ready').to.equal(false);
  });
});
