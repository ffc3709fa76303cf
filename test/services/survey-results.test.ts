import { expect } from '@open-wc/testing';
import {
  metricsOf, judge, summariseScale, summariseBallot, summariseChoice, tallyResponses, passTiersOf, turnout,
  DEFAULT_PASS_RULE,
} from '../../src/services/survey-results.js';
import { resolveScale } from '../../src/services/survey-logic.js';
import type { PassRule, ScaleResultSection, BallotResultSection, Answers } from '../../src/services/schemas/survey.js';
import { surveyResults } from '../../src/services/schemas/survey-results.js';
import { matrixSurvey, mixedSurvey } from './survey-fixtures.js';
import { installPrototypeArrays } from '../helpers/env.js';

const three = resolveScale(undefined);
const close = (a: number | null, b: number) => expect(a).to.be.closeTo(b, 1e-9);

describe('survey-results: metrics', () => {
  const cases: Array<[string, Record<string, number>, string[] | undefined, number, number | null, number | null]> = [
    ['no votes', {}, undefined, 0, null, null],
    ['all 满意', { satisfied: 10 }, undefined, 10, 1, 100],
    ['default pass = 满意 + 基本满意', { satisfied: 6, 'basically-satisfied': 2, dissatisfied: 2 }, undefined, 10, 0.8, 72],
    ['configured: only 满意 passes', { satisfied: 6, 'basically-satisfied': 2, dissatisfied: 2 }, ['satisfied'], 10, 0.6, 72],
    ['unknown tiers are ignored', { satisfied: 1, bogus: 5 }, undefined, 1, 1, 100],
    ['all 不满意', { dissatisfied: 3 }, undefined, 3, 0, 0],
  ];
  for (const [name, counts, passTiers, total, rate, average] of cases) {
    it(name, () => {
      const m = metricsOf(three, counts, passTiersOf(three, passTiers));
      expect(m.total).to.equal(total);
      if (rate === null) expect(m.rate).to.equal(null); else close(m.rate, rate);
      if (average === null) expect(m.average).to.equal(null); else close(m.average, average);
      expect(m.tiers.map((t) => t.count)).to.deep.equal(['satisfied', 'basically-satisfied', 'dissatisfied'].map((k) => counts[k] ?? 0));
    });
  }
});

describe('survey-results: judge', () => {
  const m = { total: 10, rate: 0.5, average: 60, tiers: metricsOf(three, { satisfied: 3, 'basically-satisfied': 2, dissatisfied: 5 }, ['satisfied', 'basically-satisfied']).tiers };
  const cases: Array<[string, PassRule, boolean | null]> = [
    ['default: rate above one half — exactly half fails', DEFAULT_PASS_RULE, false],
    ['rate ≥ 0.5', { metric: 'rate', op: 'gte', value: 0.5 }, true],
    ['average ≥ 60', { metric: 'average', op: 'gte', value: 60 }, true],
    ['average > 60', { metric: 'average', op: 'gt', value: 60 }, false],
    ['不满意 share below half', { metric: 'share', tier: 'dissatisfied', op: 'lt', value: 0.5 }, false],
    ['不满意 share at most half', { metric: 'share', tier: 'dissatisfied', op: 'lte', value: 0.5 }, true],
    ['share of an unknown tier cannot be judged', { metric: 'share', tier: 'nope', op: 'lt', value: 0.5 }, null],
  ];
  for (const [name, rule, want] of cases) it(name, () => expect(judge(rule, m)).to.equal(want));
  it('no votes cannot be judged', () => expect(judge(DEFAULT_PASS_RULE, { total: 0, rate: null, average: null })).to.equal(null));
  it('floating point: 0.7 of 10 ≥ 0.7', () => expect(judge({ metric: 'rate', op: 'gte', value: 0.7 }, { total: 10, rate: 7 / 10, average: 0 })).to.equal(true));
});

describe('survey-results: scale sections', () => {
  const section: ScaleResultSection = {
    kind: 'scale', questionId: 'm', title: '办理评价',
    rows: [
      { id: 'a', name: '建议甲', dimensions: [
        { id: 'org', label: '组织领导', counts: { satisfied: 8, 'basically-satisfied': 1, dissatisfied: 1 } },
        { id: 'overall', label: '综合评价', counts: { satisfied: 2, 'basically-satisfied': 2, dissatisfied: 6 } },
      ] },
      { id: 'b', name: '建议乙', counts: { satisfied: 5, 'basically-satisfied': 0, dissatisfied: 5 } },
      { id: 'c', name: '建议丙', counts: {} },
    ],
  };
  it('pools dimensions into the row, judges by the default rule', () => {
    const s = summariseScale(section);
    expect(s.rows.map((r) => r.total)).to.deep.equal([20, 10, 0]);
    close(s.rows[0].rate, 13 / 20);
    expect(s.rows.map((r) => r.pass)).to.deep.equal([true, false, null]);
    expect(s.rows[0].dimensions.map((d) => d.rate)).to.deep.equal([0.9, 0.4]);
    expect(s.overall.total).to.equal(30);
    close(s.overall.rate, 18 / 30);
    expect([s.overall.passed, s.overall.failed]).to.deep.equal([1, 1]);
  });
  it('a rule naming a dimension judges by it (综合评价)', () => {
    const s = summariseScale({ ...section, rule: { metric: 'rate', op: 'gt', value: 0.5, dimension: 'overall' } });
    expect(s.rows.map((r) => r.pass)).to.deep.equal([false, null, null]);
  });
  it('options override the section: only 满意 passes', () => {
    const s = summariseScale(section, { passTiers: ['satisfied'], rule: { metric: 'rate', op: 'gte', value: 0.5 } });
    expect(s.passTiers).to.deep.equal(['satisfied']);
    expect(s.rows.map((r) => r.pass)).to.deep.equal([true, true, null]);
  });
  it('score scales: average and pass share from sums', () => {
    const s = summariseScale({ kind: 'scale', questionId: 's', title: '打分', scale: 'score100', rows: [
      { id: 'x', name: '甲局', scoreSum: 850, scoreCount: 10, scorePass: 9 },
      { id: 'y', name: '乙局', scoreSum: 550, scoreCount: 10 },
      { id: 'z', name: '丙局', scoreSum: 0, scoreCount: 0 },
    ] });
    expect(s.rule).to.deep.equal({ metric: 'average', op: 'gte', value: 60 });
    expect(s.rows.map((r) => [r.average, r.rate, r.pass])).to.deep.equal([[85, 0.9, true], [55, null, false], [null, null, null]]);
    expect(s.overall.average).to.equal(70);
    expect(s.overall.rate, 'unknown when a row lacks pass counts').to.equal(null);
  });
});

describe('survey-results: nothing countable', () => {
  it('a survey with only text or proposals has results with no sections, and that is valid', () => {
    const r = { surveyId: 's', title: '征集', generatedAt: '2026-11-25T10:00:00+08:00', respondents: 1, sections: [] };
    expect(surveyResults.safeParse(r).success).to.equal(true);
  });
});

describe('survey-results: ballots', () => {
  const base = (votes: number[], seats: number): BallotResultSection => ({
    kind: 'ballot', questionId: 'v', title: '票决', seats, ballots: 10,
    candidates: votes.map((v, i) => ({ id: `c${i}`, name: `项目${i}`, votes: v })),
  });
  const cases: Array<[string, number[], number, string[], string[]]> = [
    ['top N chosen', [5, 9, 7, 1], 2, ['c1', 'c2'], []],
    ['tie at the cut-off: none of the tied declared', [9, 7, 7, 1], 2, ['c0'], ['c1', 'c2']],
    ['tie above the cut-off is fine', [9, 9, 7, 1], 2, ['c0', 'c1'], []],
    ['fewer candidates than seats', [3, 0], 5, ['c0'], []],
    ['zero votes are never chosen, and not a tie to settle', [0, 0, 0], 2, [], []],
    ['a tie at zero below the chosen ones is not a tie either', [5, 0, 0], 2, ['c0'], []],
  ];
  for (const [name, votes, seats, chosen, tie] of cases) {
    it(name, () => {
      const s = summariseBallot(base(votes, seats));
      expect(s.candidates.filter((c) => c.chosen).map((c) => c.id).sort()).to.deep.equal(chosen);
      expect(s.candidates.filter((c) => c.tie).map((c) => c.id).sort()).to.deep.equal(tie);
    });
  }
  it('ranks with ties share a rank; shares of ballots', () => {
    const s = summariseBallot(base([9, 7, 7, 1], 3));
    expect(s.candidates.map((c) => [c.id, c.rank])).to.deep.equal([['c0', 1], ['c1', 2], ['c2', 2], ['c3', 4]]);
    expect(s.candidates[0].share).to.equal(0.9);
  });
  it('choice shares include "other"', () => {
    const s = summariseChoice({ kind: 'choice', questionId: 'q', title: 'x', options: [{ id: 'a', label: 'A', count: 3 }], other: 1 });
    expect(s.total).to.equal(4);
    expect(s.options[0].share).to.equal(0.75);
  });
});

describe('survey-results: tallyResponses', () => {
  const responses: Answers[] = [
    { m: { a: { org: 'satisfied', reply: 'satisfied', overall: 'satisfied' }, b: { org: 'dissatisfied', reply: 'dissatisfied', overall: 'dissatisfied' } }, why: '太慢' },
    { m: { a: { org: 'basically-satisfied', reply: 'satisfied', overall: 'satisfied' }, b: { org: 'satisfied', reply: 'satisfied', overall: 'satisfied' } } },
    { m: { a: { org: 'satisfied' }, b: { org: 'bogus' } } },
  ];
  it('matrix → per subject, per dimension counts; the result validates against the schema', () => {
    const r = tallyResponses(matrixSurvey, responses, '2026-11-25T12:00:00Z');
    expect(surveyResults.safeParse(r).success).to.equal(true);
    expect(r.respondents).to.equal(3);
    const sec = r.sections[0] as ScaleResultSection;
    expect(sec.rows.map((x) => x.id)).to.deep.equal(['a', 'b']);
    expect(sec.rows[0].dimensions![0]).to.deep.equal({ id: 'org', label: '组织领导', counts: { satisfied: 2, 'basically-satisfied': 1, dissatisfied: 0 } });
    expect(sec.rows[1].dimensions![2].counts).to.deep.equal({ satisfied: 1, 'basically-satisfied': 0, dissatisfied: 1 });
    expect(r.sections).to.have.length(2); // matrix + the single follow-up; text is never published
  });
  it('ballots, choices, satisfaction; hidden answers ignored, write-ins counted but not named', () => {
    const rs: Answers[] = [
      { sat: 'satisfied', vote: { selected: ['x1', 'x2'] }, one: 'o1', many: { selected: ['a', 'b'], other: '群' }, score: 80, rowsOnly: { x1: 'excellent' } },
      { sat: 'dissatisfied', vote: { selected: ['x1'], writeIns: ['新建老年大学'] }, one: { other: '丙' }, score: 40 },
      { vote: { selected: [] } },
    ];
    const r = tallyResponses(mixedSurvey, rs, '2026-11-25T12:00:00Z');
    expect(surveyResults.safeParse(r).success).to.equal(true);
    const by = Object.fromEntries(r.sections.map((s) => [s.questionId, s]));
    expect((by.sat as ScaleResultSection).rows[0].counts).to.deep.equal({ satisfied: 1, 'basically-satisfied': 0, dissatisfied: 1 });
    expect((by.score as ScaleResultSection).rows[0]).to.include({ scoreSum: 120, scoreCount: 2, scorePass: 1 });
    const v = by.vote as BallotResultSection;
    expect(v).to.deep.include({ seats: 2, ballots: 3, writeIns: 1 });
    expect(v.candidates.map((c) => c.votes)).to.deep.equal([2, 1, 0, 0]);
    expect(JSON.stringify(r)).not.to.contain('老年大学');
    expect(by.one).to.deep.include({ other: 1 });
    expect((by.many as { options: Array<{ count: number }> }).options.map((o) => o.count)).to.deep.equal([1, 1, 0, 0]);
    expect((by.rowsOnly as ScaleResultSection).rows.map((x) => x.counts?.excellent)).to.deep.equal([1, 0, 0, 0]);
  });
  it('turnout', () => {
    const r = tallyResponses(matrixSurvey, responses, '2026-11-25T12:00:00Z');
    expect(turnout(r)).to.equal(null);
    expect(turnout({ ...r, eligible: 4 })).to.equal(0.75);
  });
});

describe('survey-results: demo results files', () => {
  for (const id of ['2026-jybl-myd', '2026-szpy-ldr', '2027-mssx-pj']) {
    it(`${id} validates and reads`, async () => {
      const json = await (await fetch(`/demo/content/survey-results/${id}.json`)).json();
      const r = surveyResults.safeParse(json);
      expect(r.success, JSON.stringify(r.error?.issues)).to.equal(true);
    });
  }
});

describe('survey-results: a page with Prototype.js 1.6 (Array#reduce returns the array)', () => {
  it('metrics and choice totals are the same as without it', () => {
    const counts = { satisfied: 6, 'basically-satisfied': 2, dissatisfied: 2 };
    const choice = { kind: 'choice' as const, questionId: 'c', title: '选项', options: [{ id: 'a', label: 'A', count: 3 }, { id: 'b', label: 'B', count: 5 }], other: 2 };
    const want = [metricsOf(three, counts, passTiersOf(three)), summariseChoice(choice)];
    const restore = installPrototypeArrays();
    let got: unknown[];
    try {
      got = [metricsOf(three, counts, passTiersOf(three)), summariseChoice(choice)];
    } finally {
      restore();
    }
    expect(got).to.deep.equal(want);
    expect((want[0] as { total: number }).total).to.equal(10);
  });
});
