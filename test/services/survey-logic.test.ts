import { expect } from '@open-wc/testing';
import {
  resolveScale, visibleQuestionIds, conditionHolds,
  toggleBallot, setBallotWriteIn, ballotCount, toggleMultiple, moveRanked, nextPage, prevPage,
  pageProgress, visiblePages, matrixLayout,
  setMatrixCell, matrixCell, normaliseCode, findQuestion, pageOfQuestion,
} from '../../src/services/survey-logic.js';
import {
  validateQuestion, validatePage, validateAnswers, normaliseAnswers, buildResponseData, sourceUrlFor, answeredShare, isAnswered,
  type SurveyIssue,
} from '../../src/services/survey-response.js';
import type { Answers, Answer, QuestionOf, Condition } from '../../src/services/schemas/survey.js';
import { surveyResponsePayload } from '../../src/services/schemas/survey-response.js';
import { matrixSurvey, mixedSurvey } from './survey-fixtures.js';

const q = <T extends QuestionOf<any>['type']>(id: string) => findQuestion(mixedSurvey, id) as QuestionOf<T>;
const keys = (issues: SurveyIssue[]) => issues.map((i) => (i.path ? `${i.key}@${i.path}` : i.key));
const fullMatrix = (v = 'satisfied'): Answer => ({ a: { org: v, reply: v, overall: v }, b: { org: v, reply: v, overall: v } });

describe('survey-logic: scales', () => {
  const cases: Array<[string, Parameters<typeof resolveScale>[0], string[], number[], boolean[]]> = [
    ['default is 三档', undefined, ['satisfied', 'basically-satisfied', 'dissatisfied'], [100, 60, 0], [true, true, false]],
    ['four adds 非常满意', 'four', ['very-satisfied', 'satisfied', 'basically-satisfied', 'dissatisfied'], [100, 80, 60, 0], [true, true, true, false]],
    ['grade', 'grade', ['excellent', 'competent', 'incompetent'], [100, 60, 0], [true, true, false]],
    ['stars 5→1', 'stars', ['star5', 'star4', 'star3', 'star2', 'star1'], [5, 4, 3, 2, 1], [true, true, true, false, false]],
    ['custom without scores: evenly 100→0, all but last pass', { kind: 'tiers', tiers: [{ value: 'h', label: '高' }, { value: 'm', label: '中' }, { value: 'l', label: '低' }] }, ['h', 'm', 'l'], [100, 50, 0], [true, true, false]],
    ['custom with own scores and pass marks', { kind: 'tiers', tiers: [{ value: 'y', label: '同意', score: 1, pass: true }, { value: 'n', label: '不同意', score: 0 }, { value: 'a', label: '弃权', score: 0, pass: false }] }, ['y', 'n', 'a'], [1, 0, 0], [true, true, false]],
  ];
  for (const [name, spec, values, scores, pass] of cases) {
    it(name, () => {
      const s = resolveScale(spec);
      if (s.kind !== 'tiers') throw new Error('expected tiers');
      expect(s.tiers.map((t) => t.value)).to.deep.equal(values);
      expect(s.tiers.map((t) => t.score)).to.deep.equal(scores);
      expect(s.tiers.map((t) => t.pass)).to.deep.equal(pass);
    });
  }
  it('score scales: preset 0–100 passing at 60, custom passing at 60% of the range', () => {
    expect(resolveScale('score100')).to.include({ kind: 'score', min: 0, max: 100, passAt: 60 });
    expect(resolveScale({ kind: 'score', min: 1, max: 11 })).to.include({ min: 1, max: 11, step: 1, passAt: 7 });
  });
});

describe('survey-logic: matrix layout and cells', () => {
  it('subjects × dimensions: one group per subject, unknown subjects dropped', () => {
    const g = matrixLayout(matrixSurvey, findQuestion(matrixSurvey, 'm') as QuestionOf<'matrix'>);
    expect(g.map((x) => x.subject?.id)).to.deep.equal(['a', 'b']);
    expect(g[1].rows.map((r) => r.path)).to.deep.equal([['b', 'org'], ['b', 'reply'], ['b', 'overall']]);
  });
  it('no dimensions: one row per subject of the survey', () => {
    const g = matrixLayout(mixedSurvey, q('rowsOnly'));
    expect(g).to.have.length(1);
    expect(g[0].rows.map((r) => r.path)).to.deep.equal([['x1'], ['x2'], ['x3'], ['x4']]);
  });
  it('dimensions only: rows are the dimensions', () => {
    const g = matrixLayout(mixedSurvey, q('dimsOnly'));
    expect(g[0].subject).to.equal(undefined);
    expect(g[0].rows.map((r) => r.label)).to.deep.equal(['环境', '态度']);
  });
  it('sets and clears cells immutably', () => {
    const a0 = {} as Answer;
    const a1 = setMatrixCell(a0, ['a', 'org'], 'satisfied');
    const a2 = setMatrixCell(a1, ['a', 'reply'], 'dissatisfied');
    expect(a0).to.deep.equal({});
    expect(a2).to.deep.equal({ a: { org: 'satisfied', reply: 'dissatisfied' } });
    expect(matrixCell(a2, ['a', 'reply'])).to.equal('dissatisfied');
    expect(matrixCell(a2, ['b', 'reply'])).to.equal(undefined);
    expect(setMatrixCell(setMatrixCell(a2, ['a', 'org'], undefined), ['a', 'reply'], undefined)).to.deep.equal({});
    expect(setMatrixCell(undefined, ['x1'], 'competent')).to.deep.equal({ x1: 'competent' });
  });
});

describe('survey-logic: showIf', () => {
  const cases: Array<[string, Condition, Answers, boolean]> = [
    ['in: matrix, any cell', { question: 'm', in: ['dissatisfied'] }, { m: { a: { org: 'satisfied', reply: 'dissatisfied' } } }, true],
    ['in: matrix, no such cell', { question: 'm', in: ['dissatisfied'] }, { m: fullMatrix('basically-satisfied') }, false],
    ['in: unanswered', { question: 'm', in: ['dissatisfied'] }, {}, false],
    ['in: single value', { question: 'one', in: ['o2'] }, { one: 'o2' }, true],
    ['in: single other write-in', { question: 'one', in: ['other'] }, { one: { other: '丙' } }, true],
    ['in: multiple, any selected', { question: 'many', in: ['c'] }, { many: { selected: ['a', 'c'] } }, true],
    ['notIn: all values outside', { question: 'many', notIn: ['d'] }, { many: { selected: ['a', 'c'] } }, true],
    ['notIn: unanswered does not hold', { question: 'many', notIn: ['d'] }, {}, false],
    ['answered: blank text is not answered', { question: 'txt', answered: true }, { txt: '   ' }, false],
    ['answered: false holds when empty', { question: 'txt', answered: false }, {}, true],
    ['min/max on a number', { question: 'num', min: 60 }, { num: 65 }, true],
    ['min/max on a number, below', { question: 'num', min: 60 }, { num: 59 }, false],
    ['all', { all: [{ question: 'one', in: ['o1'] }, { question: 'num', max: 10 }] }, { one: 'o1', num: 11 }, false],
    ['any', { any: [{ question: 'one', in: ['o1'] }, { question: 'num', max: 10 }] }, { one: 'o1', num: 11 }, true],
  ];
  for (const [name, cond, answers, want] of cases) it(name, () => expect(conditionHolds(cond, answers)).to.equal(want));

  it('hides the reason until 不满意 is chosen, and chains: a hidden question counts as unanswered', () => {
    expect([...visibleQuestionIds(matrixSurvey, { m: fullMatrix() })]).to.deep.equal(['m', 'more']);
    // The reason was typed earlier, then the 不满意 was changed: reason and its follow-up hide.
    expect([...visibleQuestionIds(matrixSurvey, { m: fullMatrix(), why: '太慢了' })]).to.deep.equal(['m', 'more']);
    const bad = setMatrixCell(fullMatrix(), ['b', 'overall'], 'dissatisfied');
    expect([...visibleQuestionIds(matrixSurvey, { m: bad, why: '太慢了' })]).to.deep.equal(['m', 'why', 'more', 'only-if-why']);
  });
});

describe('survey-logic: validateQuestion', () => {
  const cases: Array<[string, string, Answer | undefined, string[]]> = [
    ['required satisfaction missing', 'sat', undefined, ['required']],
    ['satisfaction tier', 'sat', 'basically-satisfied', []],
    ['satisfaction unknown tier', 'sat', 'excellent', ['invalidOption']],
    ['four-tier 非常满意 valid', 'four', 'very-satisfied', []],
    ['optional unanswered is fine', 'four', undefined, []],
    ['score in range', 'score', 85, []],
    ['score above max', 'score', 101, ['numberTooLarge']],
    ['score below min', 'score', -1, ['numberTooSmall']],
    ['score as text', 'score', '85', ['numberInvalid']],
    ['half-step score 7.5', 'half', 7.5, []],
    ['half-step score 7.3', 'half', 7.3, ['numberStep']],
    ['single option', 'one', 'o2', []],
    ['single unknown option', 'one', 'o9', ['invalidOption']],
    ['single other with text', 'one', { other: '丙' }, []],
    ['single other chosen but blank: say so', 'one', { other: '  ' }, ['otherEmpty']],
    ['multiple within 2..3', 'many', { selected: ['a', 'b'] }, []],
    ['multiple too few', 'many', { selected: ['a'] }, ['tooFew']],
    ['multiple other counts', 'many', { selected: ['a'], other: '公众号' }, []],
    ['multiple too many', 'many', { selected: ['a', 'b', 'c', 'd'] }, ['tooMany']],
    ['multiple duplicate', 'many', { selected: ['a', 'a'] }, ['invalidOption']],
    ['multiple unknown', 'many', { selected: ['a', 'z'] }, ['invalidOption']],
    ['ranking top 2 complete', 'rank', ['r3', 'r1'], []],
    ['ranking incomplete', 'rank', ['r3'], ['rankingIncomplete']],
    ['ranking duplicate', 'rank', ['r3', 'r3'], ['rankingDuplicate']],
    ['ranking too long', 'rank', ['r3', 'r1', 'r2'], ['tooMany']],
    ['ranking required empty', 'rank', [], ['required']],
    ['text within limits (trimmed)', 'txt', '  好的的  ', []],
    ['text too short', 'txt', '好', ['textTooShort']],
    ['text too long counts characters not UTF-16 units', 'txt', '𠀀𠀀𠀀𠀀𠀀', []],
    ['text too long', 'txt', '一二三四五六', ['textTooLong']],
    ['number integer', 'num', 30, []],
    ['number fraction', 'num', 30.5, ['numberNotInteger']],
    ['number too large', 'num', 121, ['numberTooLarge']],
    ['number NaN', 'num', Number.NaN, []], // NaN is no answer; optional
    ['ballot 2 of 2', 'vote', { selected: ['x1', 'x2'] }, []],
    ['ballot 1 + write-in', 'vote', { selected: ['x1'], writeIns: ['新项目'] }, []],
    ['ballot 3 > N', 'vote', { selected: ['x1', 'x2', 'x3'] }, ['ballotTooMany']],
    ['ballot 2 + write-in > N', 'vote', { selected: ['x1', 'x2'], writeIns: ['新项目'] }, ['ballotTooMany']],
    ['ballot blank with min 1', 'vote', { selected: [] }, ['ballotTooFew']],
    ['ballot unknown candidate', 'vote', { selected: ['zz'] }, ['invalidOption']],
    ['ballot two write-ins, max 1', 'vote', { selected: [], writeIns: ['甲', '乙'] }, ['writeInTooMany']],
    ['ballot full with a blank write-in box: no error (the blank is not sent)', 'vote', { selected: ['x1', 'x2'], writeIns: [' '] }, []],
    ['ballot write-in naming a candidate', 'vote', { selected: ['x1'], writeIns: [' 项目二 '] }, ['writeInIsCandidate@writeIns.0']],
    ['proposal complete', 'prop', { title: '建公园', description: '在河边建公园', location: '青岚河', category: 'edu' }, []],
    ['proposal missing all required parts', 'prop', { title: '建公园', description: '' }, ['proposalDescription@description', 'proposalLocation@location', 'proposalCategory@category']],
    ['proposal unknown category', 'prop', { title: '建', description: '说明', location: '某处', category: 'zz' }, ['invalidOption@category']],
    ['proposal description too long', 'prop', { title: '建', description: '长'.repeat(21), location: '某处', category: 'edu' }, ['proposalDescriptionTooLong@description']],
    ['matrix rows, unknown row', 'rowsOnly', { x1: 'excellent', zz: 'competent' }, ['invalidOption@zz']],
    ['matrix rows, wrong tier for grade', 'rowsOnly', { x1: 'satisfied' }, ['invalidOption@x1']],
    ['matrix dims, partial but optional', 'dimsOnly', { d1: 'satisfied' }, []],
  ];
  for (const [name, id, a, want] of cases) {
    it(name, () => expect(keys(validateQuestion(mixedSurvey, findQuestion(mixedSurvey, id)!, a))).to.deep.equal(want));
  }
  it('required matrix: counts missing cells', () => {
    const m = findQuestion(matrixSurvey, 'm')!;
    const partial = setMatrixCell(setMatrixCell(undefined, ['a', 'org'], 'satisfied'), ['b', 'org'], 'dissatisfied');
    const issues = validateQuestion(matrixSurvey, m, partial);
    expect(keys(issues)).to.deep.equal(['matrixIncomplete']);
    expect(issues[0].params).to.deep.equal({ missing: 4 });
    expect(keys(validateQuestion(matrixSurvey, m, undefined))).to.deep.equal(['required']);
    expect(keys(validateQuestion(matrixSurvey, m, fullMatrix()))).to.deep.equal([]);
    expect(keys(validateQuestion(matrixSurvey, m, { ...(fullMatrix() as object), c: { org: 'satisfied' } } as Answer))).to.deep.equal(['invalidOption@c.org']);
  });
});

describe('survey-logic: page and response validation', () => {
  it('the conditional reason is required only when shown', () => {
    expect(keys(validatePage(matrixSurvey, 1, { m: fullMatrix() }))).to.deep.equal([]);
    const bad = setMatrixCell(fullMatrix(), ['a', 'reply'], 'dissatisfied');
    expect(keys(validatePage(matrixSurvey, 1, { m: bad }))).to.deep.equal(['required']);
    expect(keys(validatePage(matrixSurvey, 1, { m: bad, why: '慢' }))).to.deep.equal(['textTooShort']);
    expect(validatePage(matrixSurvey, 9, {})).to.deep.equal([]);
  });
  it('a whole response: unknown and hidden answers are refused (server side)', () => {
    const issues = validateAnswers(matrixSurvey, { m: fullMatrix(), why: '不该出现', ghost: 'x' });
    expect(issues.map((i) => `${i.questionId}:${i.key}`)).to.deep.equal(['why:hiddenAnswered', 'ghost:unknownQuestion']);
  });
});

describe('survey-logic: choosing', () => {
  const ballot = q<'ballot'>('vote');
  it('never more than N: a third candidate is refused, the answer unchanged', () => {
    let a = toggleBallot(ballot, undefined, 'x1').answer;
    a = toggleBallot(ballot, a, 'x2').answer;
    const third = toggleBallot(ballot, a, 'x3');
    expect(third.changed).to.equal(false);
    expect(third.answer.selected).to.deep.equal(['x1', 'x2']);
    expect(ballotCount(third.answer)).to.equal(2);
    const un = toggleBallot(ballot, a, 'x1');
    expect(un.changed).to.equal(true);
    expect(un.answer.selected).to.deep.equal(['x2']);
    expect(a.selected, 'not mutated').to.deep.equal(['x1', 'x2']);
  });
  it('write-ins count within N, blank ones do not', () => {
    let a = toggleBallot(ballot, undefined, 'x1').answer;
    a = setBallotWriteIn(ballot, a, 0, '').answer;
    expect(ballotCount(a)).to.equal(1);
    a = setBallotWriteIn(ballot, a, 0, '新建老年大学').answer;
    expect(ballotCount(a)).to.equal(2);
    expect(toggleBallot(ballot, a, 'x2').changed).to.equal(false);
    expect(setBallotWriteIn(ballot, a, 1, '第二个').changed, 'writeInMax 1').to.equal(false);
    // Editing an existing write-in is allowed while full.
    expect(setBallotWriteIn(ballot, a, 0, '新建老年大学分校').changed).to.equal(true);
    // Clearing it frees the place.
    a = setBallotWriteIn(ballot, a, 0, '').answer;
    expect(a).to.deep.equal({ selected: ['x1'] });
    expect(toggleBallot(ballot, a, 'x2').changed).to.equal(true);
  });
  it('a write-in is refused when N candidates are already chosen', () => {
    let a = toggleBallot(ballot, undefined, 'x1').answer;
    a = toggleBallot(ballot, a, 'x2').answer;
    expect(setBallotWriteIn(ballot, a, 0, '其他').changed).to.equal(false);
  });
  it('multiple: max respected, other counts', () => {
    const m = q<'multiple'>('many');
    let a = toggleMultiple(m, { selected: [], other: '朋友' }, 'a').answer;
    a = toggleMultiple(m, a, 'b').answer;
    expect(toggleMultiple(m, a, 'c').changed).to.equal(false);
    expect(toggleMultiple(m, a, 'a').answer).to.deep.equal({ selected: ['b'], other: '朋友' });
  });
  const moves: Array<[string[], string, -1 | 1, string[]]> = [
    [['a', 'b', 'c'], 'b', -1, ['b', 'a', 'c']],
    [['a', 'b', 'c'], 'b', 1, ['a', 'c', 'b']],
    [['a', 'b', 'c'], 'a', -1, ['a', 'b', 'c']],
    [['a', 'b', 'c'], 'c', 1, ['a', 'b', 'c']],
    [['a', 'b', 'c'], 'z', 1, ['a', 'b', 'c']],
  ];
  for (const [list, id, d, want] of moves) it(`moveRanked ${list.join('')} ${id} ${d}`, () => expect(moveRanked(list, id, d)).to.deep.equal(want));
});

describe('survey-logic: pages', () => {
  const none = { m: fullMatrix() };
  const bad = { m: setMatrixCell(fullMatrix(), ['a', 'org'], 'dissatisfied') };
  const cases: Array<[string, Answers, number, number | null, number | null, { step: number; total: number }]> = [
    ['first page', none, 0, 1, null, { step: 1, total: 2 }],
    ['page 2 is last when page 3 is hidden', none, 1, null, 0, { step: 2, total: 2 }],
    ['page 3 appears once the reason is written', { ...bad, why: '答复敷衍' }, 1, 2, 0, { step: 2, total: 3 }],
    ['back from page 3', { ...bad, why: '答复敷衍' }, 2, null, 1, { step: 3, total: 3 }],
  ];
  for (const [name, answers, cur, next, prev, progress] of cases) {
    it(name, () => {
      expect(nextPage(matrixSurvey, answers, cur)).to.equal(next);
      expect(prevPage(matrixSurvey, answers, cur)).to.equal(prev);
      expect(pageProgress(matrixSurvey, answers, cur)).to.deep.equal(progress);
    });
  }
  it('visible pages and answered share', () => {
    expect(visiblePages(matrixSurvey, {})).to.deep.equal([0, 1]);
    expect(answeredShare(matrixSurvey, {})).to.equal(0);
    expect(answeredShare(matrixSurvey, none)).to.equal(0.5);
  });
});

describe('survey-logic: payload', () => {
  it('normalises: hidden and blank dropped, text trimmed, orders fixed, matrix limited to the layout', () => {
    const raw: Answers = {
      sat: 'satisfied', four: '', txt: '  好的的  ', one: { other: ' 丙 ' },
      many: { selected: ['c', 'a'], other: '  ' }, rank: ['r2', 'r1', 'r2'],
      vote: { selected: ['x2', 'x1', 'x2'], writeIns: [' 新 ', '', '新'] },
      prop: { title: ' 建公园 ', description: ' 说明 ', location: '  ', category: 'edu' },
      rowsOnly: { x2: 'excellent', zz: 'competent' }, dimsOnly: {},
    };
    expect(normaliseAnswers(mixedSurvey, raw)).to.deep.equal({
      sat: 'satisfied', one: { other: '丙' }, many: { selected: ['a', 'c'] }, rank: ['r2', 'r1'], txt: '好的的',
      vote: { selected: ['x1', 'x2'], writeIns: ['新'] },
      prop: { title: '建公园', description: '说明', category: 'edu' },
      rowsOnly: { x2: 'excellent' },
    });
  });
  it('drops the answer to a question that became hidden', () => {
    expect(normaliseAnswers(matrixSurvey, { m: fullMatrix(), why: '写过又改了' })).to.deep.equal({ m: fullMatrix() });
  });
  it('anonymous: no respondent even when one is given; the payload schema agrees', () => {
    const data = buildResponseData(mixedSurvey, { role: 'public', respondent: { name: '某人', phone: '13800000000' }, answers: { sat: 'satisfied' } });
    expect(data).to.deep.equal({ surveyId: 't-mixed', role: 'public', answers: { sat: 'satisfied' }, anonymity: 'anonymous' });
    const env = { type: 'survey-response', version: 1, id: '3f2c1a9e-8b7d-4c6e-9a5f-1b2c3d4e5f60', createdAt: '2026-11-25T10:00:00Z', locale: 'zh-CN', source: { url: sourceUrlFor(mixedSurvey, 'https://rd.example.gov.cn/cp.html?code=AB12#x') }, data };
    expect(env.source.url).to.equal('https://rd.example.gov.cn/cp.html');
    expect(surveyResponsePayload.safeParse(env).success).to.equal(true);
  });
  it('identified: respondent with the fields the survey asks for; code normalised', () => {
    const data = buildResponseData(matrixSurvey, { role: 'deputy', code: ' jy26-a3k7 ', respondent: { name: ' 王某 ', unit: '某单位', phone: '123456' }, answers: { m: fullMatrix() } });
    expect(data).to.deep.equal({ surveyId: 't-matrix', code: 'JY26-A3K7', role: 'deputy', answers: { m: fullMatrix() }, anonymity: 'identified', respondent: { name: '王某' } });
    expect(sourceUrlFor(matrixSurvey, 'https://x/?a=1')).to.equal('https://x/?a=1');
  });
  const codes: Array<[string, string]> = [[' jy26-a3k7 ', 'JY26-A3K7'], ['ＪＹ２６－Ａ３Ｋ７', 'JY26-A3K7'], ['JY26 A3K7', 'JY26A3K7'], ['jy26\u3000a3k7', 'JY26A3K7']];
  for (const [raw, want] of codes) it(`normaliseCode ${JSON.stringify(raw)}`, () => expect(normaliseCode(raw)).to.equal(want));
});

describe('survey-logic: answered', () => {
  const located: Array<[string, string | undefined, number]> = [['m', 'matrix', 0], ['why', 'text', 1], ['only-if-why', 'single', 2], ['gone', undefined, -1]];
  for (const [id, type, page] of located) {
    it(`findQuestion / pageOfQuestion ${id}`, () => {
      expect(findQuestion(matrixSurvey, id)?.type).to.equal(type);
      expect(pageOfQuestion(matrixSurvey, id)).to.equal(page);
    });
  }
  it('isAnswered for proposals with only a title', () => {
    expect(isAnswered(q('prop'), { title: '建', description: '' })).to.equal(true);
    expect(isAnswered(q('prop'), { title: ' ', description: ' ' })).to.equal(false);
  });
});
