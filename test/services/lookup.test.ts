// services/lookup.ts and services/receipt-book.ts: tables of edge cases, and the HTTP outcomes
// against the reference receiver, the chaos server and a backend without the routes.
import { expect } from '@open-wc/testing';
import { groupLookupCode, lookupLink, lookupReceipt, normalizeLookupCode, normalizeReceipt, rateReceipt } from '../../src/services/lookup.js';
import { createReceiptBook, RECEIPT_BOOK_LIMIT } from '../../src/services/receipt-book.js';
import { readReceipt, uuidv4 } from '../../src/services/http.js';
import { chaosUrl, env, uid } from '../helpers/env.js';

describe('lookup: codes, receipts and links', () => {
  const codes: Array<[string, string | null]> = [
    ['7KQM-X4PB', '7KQMX4PB'], ['7kqm x4pb', '7KQMX4PB'], [' 7KQMX4PB ', '7KQMX4PB'],
    ['7KQM-X4P0', null], ['7KQM-X4PO', null], ['7KQM-X4P1', null], ['7KQM-X4PI', null], ['7KQM-X4P', null], ['7KQM-X4PBB', null], ['', null],
  ];
  for (const [input, out] of codes) it(`normalizeLookupCode(${JSON.stringify(input)}) → ${out}`, () => expect(normalizeLookupCode(input)).to.equal(out));
  it('groups a code as 4-4, leaves what cannot be a code as typed', () => {
    expect(groupLookupCode('7kqmx4pb')).to.equal('7KQM-X4PB');
    expect(groupLookupCode('abc')).to.equal('abc');
  });
  it('normalises receipts as typed', () => expect(normalizeReceipt(' fk-2026-000123 ')).to.equal('FK-2026-000123'));
  const links: Array<[string, string | undefined]> = [
    ['/lookup.html', `${location.origin}/lookup.html?receipt=FK-1&code=AAAA-BBBB`],
    ['https://rd.example.gov.cn/cx?x=1', 'https://rd.example.gov.cn/cx?x=1&receipt=FK-1&code=AAAA-BBBB'],
    ['javascript:alert(1)', undefined], ['', undefined],
  ];
  for (const [base, out] of links) it(`lookupLink(${JSON.stringify(base)})`, () => expect(lookupLink(base, 'FK-1', 'AAAA-BBBB')).to.equal(out));
  it('readReceipt keeps a lookup code only when it is letters, digits and dashes', () => {
    expect(readReceipt({ receipt: 'FK-1', lookupCode: 'AAAA-BBBB' })).to.deep.equal({ receipt: 'FK-1', lookupCode: 'AAAA-BBBB', message: undefined });
    expect(readReceipt({ receipt: 'FK-1', lookupCode: '<b>x</b>' })).to.deep.equal({ receipt: 'FK-1', message: undefined });
    expect(readReceipt({ receipt: 'FK-1', lookupCode: 42 })).to.deep.equal({ receipt: 'FK-1', message: undefined });
  });
});

describe('lookup: HTTP outcomes', () => {
  it('a 503 is "server", a refused connection "network", a hang "timeout", a 429 "rate-limited" with its wait', async () => {
    expect(await lookupReceipt(chaosUrl('503', uid('lk')), 'FK-1', 'AAAABBBB')).to.include({ ok: false, reason: 'server' });
    expect(await lookupReceipt(env().refused, 'FK-1', 'AAAABBBB')).to.include({ ok: false, reason: 'network' });
    expect(await lookupReceipt(chaosUrl('hang', uid('lk')), 'FK-1', 'AAAABBBB', { timeout: 300 })).to.include({ ok: false, reason: 'timeout' });
    const limited = await lookupReceipt(chaosUrl('429', uid('lk')), 'FK-1', 'AAAABBBB');
    expect(limited).to.deep.equal({ ok: false, reason: 'rate-limited', status: 429, retryAfterMs: 1000 });
    // A 2xx that is not a lookup answer is "invalid", never shown.
    expect(await lookupReceipt(chaosUrl('ok', uid('lk')), 'FK-1', 'AAAABBBB')).to.include({ ok: false, reason: 'invalid' });
  });
  it('a backend without the routes (404 without our code) is "unsupported"', async () => {
    expect(await lookupReceipt(`${location.origin}/legacy-cms`, 'FK-1', 'AAAABBBB')).to.include({ ok: false, reason: 'unsupported' });
  });
  it('against the receiver: found, not found, not replied, rated, already rated', async function () {
    if (!env().receiver) this.skip();
    const api = `${env().receiver}/api`;
    const id = uuidv4();
    const body = { type: 'legislation-feedback', version: 1, id, createdAt: new Date().toISOString(), locale: 'zh-CN', source: { url: location.href },
      data: { draftId: '2026-yq-01', stage: 'first-reading', respondent: { identity: 'resident', wantsReply: false }, channel: 'online', comments: [{ target: { kind: 'general' }, text: '赞成' }], publish: false } };
    const s = await (await fetch(`${api}/legislation-feedback`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': id }, body: JSON.stringify(body) })).json();
    const found = await lookupReceipt(api, s.receipt, s.lookupCode);
    expect(found.ok && found.data.status).to.equal('received');
    expect(await lookupReceipt(api, s.receipt, '2222-2222')).to.include({ ok: false, reason: 'not-found' });
    const key = uuidv4();
    expect(await rateReceipt(api, s.receipt, { code: s.lookupCode, rating: 'satisfied' }, key)).to.include({ ok: false, reason: 'not-replied' });
    await fetch(`${api}/staff/receipts/${s.receipt}/status`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${env().staffToken}` }, body: JSON.stringify({ status: 'adopted', reply: '已采纳' }) });
    const rated = await rateReceipt(api, s.receipt, { code: s.lookupCode, rating: 'satisfied' }, key);
    expect(rated.ok && rated.data.rating?.rating).to.equal('satisfied');
    expect(await rateReceipt(api, s.receipt, { code: s.lookupCode, rating: 'dissatisfied' }, uuidv4())).to.include({ ok: false, reason: 'already-rated' });
  });
});

describe('receipt book', () => {
  const entry = (n: number) => ({ receipt: `FK-2026-${String(n).padStart(6, '0')}`, type: 'legislation-feedback', title: `草案 ${n}`, at: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString() });
  it('keeps receipt, code, title and date, newest first; survives a reload; removes one', async () => {
    const db = uid('rd-receipts');
    const book = createReceiptBook(db);
    await book.add({ ...entry(1), lookupCode: 'AAAA-BBBB' });
    await book.add(entry(2));
    const again = createReceiptBook(db);
    expect((await again.list()).map((r) => r.receipt)).to.deep.equal(['FK-2026-000002', 'FK-2026-000001']);
    expect((await again.list())[1]).to.deep.equal({ ...entry(1), lookupCode: 'AAAA-BBBB' });
    await again.remove('FK-2026-000002');
    expect((await again.list()).map((r) => r.receipt)).to.deep.equal(['FK-2026-000001']);
    expect(await again.backend()).to.equal('idb');
  });
  it(`keeps the newest ${RECEIPT_BOOK_LIMIT} only, and drops unknown fields`, async () => {
    const book = createReceiptBook(uid('rd-receipts'));
    for (let n = 0; n < RECEIPT_BOOK_LIMIT + 3; n++) await book.add({ ...entry(n), text: '不应保存' } as never);
    const list = await book.list();
    expect(list).to.have.length(RECEIPT_BOOK_LIMIT);
    expect(list.at(-1)!.receipt).to.equal('FK-2026-000003');
    expect(JSON.stringify(list)).not.to.contain('不应保存');
  });
});
