import { expect } from '@open-wc/testing';
import { resolveLocale, format, createTranslator, missingKeys, formatDateTime, loadCatalogues, catalogueFor, type Catalogues } from '../../src/services/i18n/index.js';
import { sharedCatalogues } from '../../src/services/i18n/shared.js';

describe('i18n service', () => {
  const locales: Array<[string | null | undefined, string]> = [
    [undefined, 'zh-CN'], [null, 'zh-CN'], ['', 'zh-CN'], ['zh', 'zh-CN'], ['zh-CN', 'zh-CN'], ['zh-Hans-CN', 'zh-CN'],
    ['zh_TW', 'zh-CN'], ['en', 'en'], ['EN-gb', 'en'], ['en_US', 'en'], ['fr', 'zh-CN'], ['  en  ', 'en'],
  ];
  for (const [tag, want] of locales) it(`resolveLocale(${JSON.stringify(tag)}) → ${want}`, () => expect(resolveLocale(tag)).to.equal(want));

  const formats: Array<[string, Record<string, string | number> | undefined, string]> = [
    ['已输入 {count} / {max} 字', { count: 3, max: 10 }, '已输入 3 / 10 字'],
    ['{a}{a}', { a: 'x' }, 'xx'],
    ['keep {unknown}', { a: 1 }, 'keep {unknown}'],
    ['no params {x}', undefined, 'no params {x}'],
    ['zero {n}', { n: 0 }, 'zero 0'],
  ];
  for (const [tpl, params, want] of formats) it(`format(${tpl})`, () => expect(format(tpl, params)).to.equal(want));

  it('every shared key exists in every catalogue', async () => {
    expect(await missingKeys(sharedCatalogues)).to.deep.equal([]);
  });

  it('reports a key missing from one locale', async () => {
    const broken = { 'zh-CN': { a: '甲', b: '乙' }, en: { a: 'A', b: '' } };
    expect(await missingKeys(broken)).to.deep.equal([{ locale: 'en', key: 'b' }]);
    const lazyBroken = { 'zh-CN': { a: '甲', b: '乙' }, en: async () => ({ a: 'A' }) };
    expect(await missingKeys(lazyBroken)).to.deep.equal([{ locale: 'en', key: 'b' }]);
  });

  it('overrides: flat keys for every locale, per-locale objects win for theirs', () => {
    const t = createTranslator([sharedCatalogues], 'en', { 'common.submit': '发送', en: { 'common.cancel': 'Never mind' } });
    expect(t('common.submit')).to.equal('发送');
    expect(t('common.cancel')).to.equal('Never mind');
    const zh = createTranslator([sharedCatalogues], 'zh-CN', { en: { 'common.cancel': 'Never mind' } });
    expect(zh('common.cancel')).to.equal('取消');
  });

  it('later catalogue sets win and unknown keys echo the key', () => {
    const t = createTranslator([sharedCatalogues, { 'zh-CN': { 'common.submit': '提交意见' }, en: { 'common.submit': 'Send comments' } }], 'zh-CN');
    expect(t('common.submit')).to.equal('提交意见');
    expect(t('no.such.key')).to.equal('no.such.key');
  });

  describe('catalogues loaded on demand', () => {
    it('bundled catalogues need no loading: loadCatalogues answers synchronously', () => {
      const set = { 'zh-CN': { a: '甲' }, en: { a: 'A' } };
      expect(loadCatalogues([set], 'en')).to.equal(undefined);
      expect(loadCatalogues([set], 'zh-CN')).to.equal(undefined);
      expect(createTranslator([set], 'en')('a')).to.equal('A');
    });

    it('a loader runs once for many callers; until it is done the default locale is shown', async () => {
      let calls = 0;
      let release!: () => void;
      const gate = new Promise<void>((r) => { release = r; });
      const set: Catalogues<'a'> = { 'zh-CN': { a: '甲' }, en: async () => { calls++; await gate; return { a: 'A' }; } };
      const p1 = loadCatalogues([set], 'en');
      const p2 = loadCatalogues([set], 'en');
      expect(p1).to.be.instanceOf(Promise);
      expect(p2).to.be.instanceOf(Promise);
      expect(catalogueFor(set, 'en')).to.equal(undefined);
      expect(createTranslator([set], 'en')('a')).to.equal('甲');
      release();
      await Promise.all([p1, p2]);
      expect(calls).to.equal(1);
      expect(catalogueFor(set, 'en')).to.deep.equal({ a: 'A' });
      expect(createTranslator([set], 'en')('a')).to.equal('A');
      expect(loadCatalogues([set], 'en')).to.equal(undefined);
      // The default locale never loads anything.
      expect(loadCatalogues([set], 'zh-CN')).to.equal(undefined);
    });

    it('a loader that fails: a warning, then the default locale (never a bare key), not retried', async () => {
      let calls = 0;
      const set: Catalogues<'a'> = { 'zh-CN': { a: '甲' }, en: async () => { calls++; throw new TypeError('Failed to fetch dynamically imported module'); } };
      const warn = console.warn;
      const warned: unknown[][] = [];
      console.warn = (...args: unknown[]) => { warned.push(args); };
      try {
        await loadCatalogues([set], 'en');
      } finally {
        console.warn = warn;
      }
      expect(String(warned[0]?.[0])).to.contain('could not load the en messages');
      expect(createTranslator([set], 'en')('a')).to.equal('甲');
      expect(loadCatalogues([set], 'en')).to.equal(undefined);
      expect(calls).to.equal(1);
    });

    it('the shared English catalogue is a separate loader, and loads', async () => {
      expect(typeof sharedCatalogues.en).to.equal('function');
      await loadCatalogues([sharedCatalogues], 'en');
      expect(createTranslator([sharedCatalogues], 'en')('common.submit')).to.equal('Submit');
    });
  });

  it('formats dates in Asia/Shanghai regardless of the machine time zone', () => {
    const s = formatDateTime('2026-10-01T00:30:00Z', 'zh-CN', { dateStyle: 'long', timeStyle: 'short' });
    expect(s).to.contain('2026年10月1日');
    expect(s).to.contain('08:30');
    expect(formatDateTime('not a date', 'en')).to.equal('not a date');
  });
});
