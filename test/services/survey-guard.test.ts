import { expect } from '@open-wc/testing';
import { createResponseGuard, guardKey } from '../../src/services/survey-guard.js';

const unique = () => `t-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

describe('survey-guard: one response per device', () => {
  it('nothing recorded → null; record → same receipt back; keyed by survey', async () => {
    const g = createResponseGuard(`rd-guard-${unique()}`);
    const a = unique();
    const b = unique();
    expect(await g.get(a)).to.equal(null);
    const rec = await g.record(a, 'CP-2026-000123', { at: new Date('2026-11-25T08:00:00Z') });
    expect(rec).to.deep.equal({ surveyId: a, receipt: 'CP-2026-000123', submittedAt: '2026-11-25T08:00:00.000Z' });
    expect(await g.get(a)).to.deep.equal(rec);
    expect(await g.get(b)).to.equal(null);
    expect(await g.backend()).to.equal('idb');
  });
  it('survives a new guard on the same database (a reload)', async () => {
    const db = `rd-guard-${unique()}`;
    const id = unique();
    await createResponseGuard(db).record(id, 'CP-2026-000007', { viaConflict: true });
    const again = await createResponseGuard(db).get(id);
    expect(again).to.include({ receipt: 'CP-2026-000007', viaConflict: true });
  });
  it('forget removes it', async () => {
    const g = createResponseGuard(`rd-guard-${unique()}`);
    const id = unique();
    await g.record(id, 'CP-1');
    await g.forget(id);
    expect(await g.get(id)).to.equal(null);
  });
  it('key format', () => expect(guardKey('2027-mssx-pj')).to.equal('rd:survey-submitted:2027-mssx-pj'));
});
