import { expect } from '@open-wc/testing';
import { DraftStore, stripKeys, draftKey, sweepExpiredDrafts, type DraftRecord } from '../../src/services/drafts.js';
import { readDraft, uid, until } from '../helpers/env.js';

describe('drafts service', () => {
  const strip: Array<[string, unknown, unknown]> = [
    ['flat contact keys', { name: '张三', phone: '13800000000', email: 'a@b.cn', text: 'x' }, { name: '张三', text: 'x' }],
    ['nested and in arrays', { respondent: { mobile: '1', region: '城关镇', idCard: '1101' }, list: [{ tel: 1, v: 2 }] }, { respondent: { region: '城关镇' }, list: [{ v: 2 }] }],
    ['case-insensitive whole keys only', { Phone: 1, EMAIL: 2, phoneticName: 'keep', telescope: 'keep' }, { phoneticName: 'keep', telescope: 'keep' }],
    ['contact variants', { contactPhone: 1, contactEmail: 2, wechat: 3, qq: 4, idNumber: 5, keep: 6 }, { keep: 6 }],
    ['primitives untouched', 'text', 'text'],
    ['null untouched', null, null],
  ];
  for (const [name, input, want] of strip) it(`stripKeys: ${name}`, () => expect(stripKeys(input)).to.deep.equal(want));

  it('draftKey follows rd:<tag>:<id>', () => expect(draftKey('rd-deputy-card', 'dep-001')).to.equal('rd:rd-deputy-card:dep-001'));

  it('saves after the debounce, only once for a burst of changes, without contact fields', async () => {
    const key = draftKey('rd-test', uid());
    const saved: string[] = [];
    const s = new DraftStore<Record<string, string>>(key, { delay: 80, onSaved: (r) => saved.push(r.savedAt) });
    s.schedule({ text: 'a', phone: '13800000000' });
    s.schedule({ text: 'ab', phone: '13800000000' });
    s.schedule({ text: 'abc', phone: '13800000000' });
    expect(await readDraft(key)).to.equal(undefined);
    const rec = await until(() => readDraft(key) as Promise<DraftRecord<Record<string, string>> | undefined>);
    expect(rec.value).to.deep.equal({ text: 'abc' });
    expect(saved).to.have.length(1);
    s.dispose();
  });

  it('keeps contact fields when the integrator opts in', async () => {
    const key = draftKey('rd-test', uid());
    const s = new DraftStore(key, { includeContact: true });
    await s.save({ phone: '13800000000' });
    expect(((await readDraft(key)) as DraftRecord<unknown>).value).to.deep.equal({ phone: '13800000000' });
    s.dispose();
  });

  it('expires after the TTL: load returns null and deletes it', async () => {
    const key = draftKey('rd-test', uid());
    let now = new Date('2026-11-01T00:00:00Z');
    const s = new DraftStore(key, { ttlDays: 7, now: () => now });
    await s.save({ text: 'old' });
    now = new Date('2026-11-07T23:59:00Z');
    expect((await s.load())?.value).to.deep.equal({ text: 'old' });
    now = new Date('2026-11-08T00:00:01Z');
    expect(await s.load()).to.equal(null);
    expect(await readDraft(key)).to.equal(undefined);
    s.dispose();
  });

  it('sweeps expired drafts of other forms', async () => {
    const key = draftKey('rd-test', uid());
    const s = new DraftStore(key, { ttlDays: 1, now: () => new Date('2020-01-01T00:00:00Z') });
    await s.save({ text: 'forgotten' });
    expect(await sweepExpiredDrafts(new Date())).to.be.at.least(1);
    expect(await readDraft(key)).to.equal(undefined);
    s.dispose();
  });

  it('two tabs: the second does not overwrite newer text; its own text is kept aside', async () => {
    const key = draftKey('rd-test', uid());
    const a = new DraftStore<{ text: string }>(key);
    const conflicts: Array<DraftRecord<{ text: string }>> = [];
    const b = new DraftStore<{ text: string }>(key, { onConflict: (r) => conflicts.push(r) });
    await a.load();
    await b.load();
    await a.save({ text: 'from A' });
    expect(await b.save({ text: 'from B' })).to.equal(null);
    expect(((await readDraft(key)) as DraftRecord<{ text: string }>).value.text).to.equal('from A');
    expect(conflicts[0].value.text).to.equal('from A');
    expect(((await readDraft(`${key}#${b.tabId}`)) as DraftRecord<{ text: string }>).value.text).to.equal('from B');
    // Choosing "keep mine" writes B's text deliberately.
    await b.save({ text: 'from B' }, true);
    expect(((await readDraft(key)) as DraftRecord<{ text: string }>).value.text).to.equal('from B');
    a.dispose(); b.dispose();
  });

  it('a tab that adopted the other tab’s text can save again', async () => {
    const key = draftKey('rd-test', uid());
    const a = new DraftStore<{ text: string }>(key);
    const b = new DraftStore<{ text: string }>(key, { onConflict: (r) => b.adopt(r) });
    await a.save({ text: 'A1' });
    await b.save({ text: 'B1' });
    expect(await b.save({ text: 'A1 + B' })).to.not.equal(null);
    expect(((await readDraft(key)) as DraftRecord<{ text: string }>).value.text).to.equal('A1 + B');
    a.dispose(); b.dispose();
  });

  it('as the page goes away (beforeunload): the waiting save is written at once, and the listener is there only while a save waits', async () => {
    const key = draftKey('rd-test', uid());
    const s = new DraftStore<{ text: string }>(key, { delay: 60_000 });
    await s.load();
    await s.save({ text: 'first' });
    s.schedule({ text: 'first, then more' });
    window.dispatchEvent(new Event('beforeunload'));
    const rec = await until(async () => { const r = (await readDraft(key)) as DraftRecord<{ text: string }> | undefined; return r?.value.text === 'first, then more' ? r : undefined; });
    expect(rec.rev).to.equal(2);
    // Nothing waits now: another beforeunload writes nothing.
    await s.save({ text: 'third' });
    window.dispatchEvent(new Event('beforeunload'));
    await new Promise((r) => setTimeout(r, 100));
    expect(((await readDraft(key)) as DraftRecord<{ text: string }>).value.text).to.equal('third');
    s.dispose();
  });

  it('as the page goes away, a tab told of a newer draft from another tab does not write over it: its text is kept aside', async () => {
    const key = draftKey('rd-test', uid());
    const a = new DraftStore<{ text: string }>(key);
    const conflicts: Array<DraftRecord<{ text: string }>> = [];
    const b = new DraftStore<{ text: string }>(key, { delay: 60_000, onConflict: (r) => conflicts.push(r) });
    await a.save({ text: 'A1' });
    await b.load();
    b.schedule({ text: 'B, unsaved' });
    await a.save({ text: 'A2' }); // announced to B over BroadcastChannel
    await new Promise((r) => setTimeout(r, 100));
    b.flushOnHide();
    await until(() => conflicts.length > 0, 3000, 'the conflict');
    expect(((await readDraft(key)) as DraftRecord<{ text: string }>).value.text).to.equal('A2');
    expect(((await readDraft(`${key}#${b.tabId}`)) as DraftRecord<{ text: string }>).value.text).to.equal('B, unsaved');
    a.dispose(); b.dispose();
  });

  it('clear removes the draft, and a draft from an earlier visit kept aside', async () => {
    const key = draftKey('rd-test', uid());
    const s = new DraftStore(key);
    const rec = await s.save({ text: 'x' });
    await s.keepEarlier(rec!);
    await s.clear();
    expect(await readDraft(key)).to.equal(undefined);
    expect(await s.loadEarlier()).to.equal(undefined);
    expect(await readDraft(`${key}#~earlier:${rec!.savedAt}`)).to.equal(undefined);
    s.dispose();
  });

  it('a draft from an earlier visit: kept aside under its own key, read back, dropped; expired, gone', async () => {
    const key = draftKey('rd-test', uid());
    let now = new Date('2026-11-01T00:00:00Z');
    const s = new DraftStore<{ text: string }>(key, { ttlDays: 7, now: () => now });
    const rec = (await s.save({ text: '上次的' }))!;
    expect(await s.loadEarlier()).to.equal(undefined);
    await s.keepEarlier(rec);
    expect((await s.loadEarlier())?.value).to.deep.equal({ text: '上次的' });
    await s.dropEarlier();
    expect(await s.loadEarlier()).to.equal(undefined);
    await s.keepEarlier(rec);
    now = new Date('2026-11-08T00:00:01Z');
    expect(await s.loadEarlier()).to.equal(undefined);
    expect(await readDraft(`${key}#~earlier:${rec.savedAt}`)).to.equal(undefined);
    s.dispose();
  });

  it('two drafts kept aside (two visits that each began typing early): the newer is offered first, then the older; none is overwritten', async () => {
    const key = draftKey('rd-test', uid());
    let now = new Date('2026-11-01T00:00:00Z');
    const s = new DraftStore<{ text: string }>(key, { now: () => now });
    const a = (await s.save({ text: 'A' }))!;
    now = new Date('2026-11-02T00:00:00Z');
    const b = (await s.save({ text: 'B' }))!;
    await s.keepEarlier(a);
    await s.keepEarlier(b);
    expect((await s.loadEarlier())?.value.text).to.equal('B');
    await s.dropEarlier(b);
    expect((await s.loadEarlier())?.value.text).to.equal('A');
    await s.dropEarlier();
    expect(await s.loadEarlier()).to.equal(undefined);
    s.dispose();
  });

  const differs: Array<[string, boolean, Record<string, unknown>, Record<string, unknown>, boolean]> = [
    ['the same text', false, { text: 'a' }, { text: 'a' }, false],
    ['other text', false, { text: 'a' }, { text: 'b' }, true],
    ['only a phone number more (not stored)', false, { text: 'a' }, { text: 'a', phone: '13800000000' }, false],
    ['only a phone number more, contact details kept', true, { text: 'a' }, { text: 'a', phone: '13800000000' }, true],
    ['a nested field', false, { r: { name: '张三' } }, { r: { name: '李四' } }, true],
  ];
  for (const [name, includeContact, stored, typed, want] of differs) {
    it(`differs: ${name} → ${want}`, () => {
      const s = new DraftStore(draftKey('rd-test', uid()), { includeContact });
      const rec = { value: stored, savedAt: '', expiresAt: '', tabId: 'x', rev: 1 };
      expect(s.differs(rec, typed)).to.equal(want);
      s.dispose();
    });
  }
});
