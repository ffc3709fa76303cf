// LazyPart (controllers/lazy-part.ts) and RdElement.useCatalogues, through a small element whose
// part is a promise the test settles: what the citizen sees while it loads, when it fails (again),
// after 重试, and the part's own strings in both languages.
import { expect, fixture, html as fx } from '@open-wc/testing';
import { html } from 'lit';
import { RdElement } from '../../src/components/shared/rd-element.js';
import { LazyPart } from '../../src/controllers/lazy-part.js';
import type { Catalogues } from '../../src/services/i18n/index.js';
import { button, until } from '../helpers/env.js';

type Part = { label: string };
const partStrings: Catalogues<'test.part.hello'> = {
  'zh-CN': { 'test.part.hello': '部件已到：{label}' },
  en: async () => ({ 'test.part.hello': 'The part arrived: {label}' }),
};
const own: Catalogues<'test.part.name'> = { 'zh-CN': { 'test.part.name': '测试部件' }, en: { 'test.part.name': 'The test part' } };

/** Each load is a promise the test resolves or rejects. */
class RdLazyProbe extends RdElement {
  static override catalogues = [own];
  loads: Array<{ resolve: (p: Part) => void; reject: (e: Error) => void }> = [];
  readonly lazy: LazyPart<Part> = new LazyPart<Part>(this, () => new Promise<Part>((resolve, reject) => this.loads.push({ resolve, reject })), 'test.part.name', () => this.useCatalogues(partStrings));
  protected override render() {
    return html`<p>首屏内容</p><input aria-label="已填写" />${this.lazy.render((p) => html`<p class="done">${this.t('test.part.hello', { label: p.label })}</p>`)}`;
  }
}
customElements.define('rd-lazy-probe', RdLazyProbe);

/** Draws two strings that parts bring later (`useCatalogues`); the test settles their English. */
class RdStringsProbe extends RdElement {
  protected override render() {
    return html`${this.t('test.a')}|${this.t('test.b')}`;
  }
}
customElements.define('rd-strings-probe', RdStringsProbe);

const text = (el: HTMLElement) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('LazyPart: a part fetched when first needed', () => {
  it('loading → failed (localized notice, 重试) → failed again (suggests reloading) → loaded, focus on the part; typed text kept', async () => {
    const el = await fixture<RdLazyProbe>(fx`<rd-lazy-probe lang="zh-CN"></rd-lazy-probe>`);
    const input = el.shadowRoot!.querySelector('input')!;
    input.value = '我写的意见';
    expect(text(el)).to.contain('正在加载');
    expect(el.lazy.state).to.equal('loading');
    el.loads[0].reject(new Error('404'));
    await until(() => el.shadowRoot!.querySelector('[data-lazy-failed]'), 3000, 'the failure notice');
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('测试部件未能加载');
    expect(text(el)).not.to.contain('刷新本页');
    await expect(el).to.be.accessible();
    button(el.shadowRoot!, '重试').click();
    await el.updateComplete;
    expect(el.loads).to.have.length(2);
    el.loads[1].reject(new Error('404'));
    await until(() => text(el).includes('刷新本页'), 3000, 'the reload hint after a second failure');
    button(el.shadowRoot!, '重试').click();
    await el.updateComplete;
    el.loads[2].resolve({ label: '<b>甲</b>' });
    await until(() => el.shadowRoot!.querySelector('.done'), 3000, 'the part');
    expect(el.shadowRoot!.querySelector('.done')!.textContent).to.equal('部件已到：<b>甲</b>');
    expect(el.shadowRoot!.querySelector('b')).to.equal(null);
    await until(() => el.shadowRoot!.activeElement?.getAttribute('data-lazy-ready') === 'test.part.name', 3000, 'focus on the loaded part');
    expect(el.shadowRoot!.querySelector('[data-lazy-failed]')).to.equal(null);
    expect(input.value).to.equal('我写的意见');
    await expect(el).to.be.accessible();
  });

  it('in English: the notice, and the part\'s own strings loaded before it is drawn (no Chinese flash)', async () => {
    const el = await fixture<RdLazyProbe>(fx`<rd-lazy-probe lang="en"></rd-lazy-probe>`);
    el.loads[0].reject(new Error('offline'));
    await until(() => el.shadowRoot!.querySelector('[data-lazy-failed]'), 3000, 'the failure notice');
    expect(text(el)).to.contain('The test part could not be loaded');
    button(el.shadowRoot!, 'Try again').click();
    await el.updateComplete;
    const drawn: string[] = [];
    const seen = new MutationObserver(() => { const d = el.shadowRoot!.querySelector('.done'); if (d) drawn.push(d.textContent!); });
    seen.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    el.loads[1].resolve({ label: 'A' });
    await until(() => el.shadowRoot!.querySelector('.done'), 3000, 'the part');
    seen.disconnect();
    expect(el.shadowRoot!.querySelector('.done')!.textContent).to.equal('The part arrived: A');
    expect(drawn.every((d) => d.startsWith('The part arrived')), drawn.join(' | ')).to.equal(true);
  });

  it('a string read before the part\'s English arrived is read again after (no stale translator)', async () => {
    const el = await fixture<RdLazyProbe>(fx`<rd-lazy-probe lang="en"></rd-lazy-probe>`);
    // A set of its own: English not loaded yet (loaded catalogues are remembered per loader).
    const fresh: Catalogues<'test.part.hello'> = { 'zh-CN': partStrings['zh-CN'], en: async () => ({ 'test.part.hello': 'The part arrived: {label}' }) };
    el.useCatalogues(fresh);
    expect(el.t('test.part.hello', { label: 'B' })).to.equal('部件已到：B');
    await el.updateComplete;
    expect(el.t('test.part.hello', { label: 'B' })).to.equal('The part arrived: B');
  });

  it('strings a part adds while others are still loading are waited for too: nothing is drawn in Chinese', async () => {
    const el = await fixture<RdStringsProbe>(fx`<rd-strings-probe lang="en"></rd-strings-probe>`);
    const settle: Record<string, () => void> = {};
    const set = (key: 'test.a' | 'test.b', zh: string, en: string): Catalogues<string> => ({
      'zh-CN': { [key]: zh },
      en: () => new Promise((resolve) => { settle[key] = () => resolve({ [key]: en }); }),
    });
    const drawn: string[] = [];
    const seen = new MutationObserver(() => drawn.push(el.shadowRoot!.textContent!));
    seen.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    el.useCatalogues(set('test.a', '甲到了', 'A arrived'));
    await until(() => settle['test.a'], 3000, 'the first set\'s English asked for');
    el.useCatalogues(set('test.b', '乙到了', 'B arrived')); // the update already waits for the first
    settle['test.a']();
    await until(() => settle['test.b'], 3000, 'the second set\'s English asked for');
    await new Promise((r) => setTimeout(r, 50));
    settle['test.b']();
    await el.updateComplete;
    seen.disconnect();
    expect(el.shadowRoot!.textContent).to.equal('A arrived|B arrived');
    expect(drawn.filter((d) => /甲|乙/.test(d)), drawn.join(' / ')).to.deep.equal([]);
  });

  it('starts loading once, when first drawn; `get()` shares the same load', async () => {
    const el = await fixture<RdLazyProbe>(fx`<rd-lazy-probe></rd-lazy-probe>`);
    const got = el.lazy.get();
    el.requestUpdate();
    await el.updateComplete;
    expect(el.loads).to.have.length(1);
    el.loads[0].resolve({ label: 'x' });
    expect(await got).to.deep.equal({ label: 'x' });
    expect(el.lazy.state).to.equal('ready');
  });
});
