import { expect } from '@open-wc/testing';
import { windowState, roleIds, needsStart, parseNumberInput, emptyRespondent, type Step } from '../../src/services/survey-form.js';
import { startProblems, issuePath, formPath, onStep, type StartInput } from '../../src/services/survey-response.js';
import type { Survey } from '../../src/services/schemas/survey.js';
import { matrixSurvey, mixedSurvey } from './survey-fixtures.js';

const withPhone: Survey = { ...matrixSurvey, respondentFields: ['name', 'unit', 'phone'] };
const input = (patch: Partial<StartInput> & { name?: string; phone?: string } = {}): StartInput => ({
  code: patch.code ?? '', role: patch.role ?? '',
  respondent: { ...emptyRespondent(), name: patch.name ?? '', phone: patch.phone ?? '' },
});

describe('survey-form: window and roles', () => {
  const cases: Array<[string, string]> = [['2026-10-31T15:59:59Z', 'upcoming'], ['2026-10-31T16:00:00Z', 'open'], ['2026-12-31T15:59:58Z', 'open'], ['2026-12-31T15:59:59Z', 'closed']];
  for (const [at, want] of cases) it(`window at ${at}`, () => expect(windowState(matrixSurvey, new Date(at))).to.equal(want));
  it('role ids: preset roles by name, custom roles by id', () => expect(roleIds(mixedSurvey)).to.deep.equal(['public', 'grid']));
  const starts: Array<[string, Survey, boolean]> = [
    ['code and identity', matrixSurvey, true],
    ['open, anonymous, two roles', mixedSurvey, true],
    ['open, anonymous, one role', { ...mixedSurvey, roles: ['public'] }, false],
    ['open, identified, one role', { ...mixedSurvey, roles: ['public'], anonymity: 'identified' }, true],
  ];
  for (const [name, s, want] of starts) it(`start step: ${name} → ${want}`, () => expect(needsStart(s)).to.equal(want));
});

describe('survey-form: start step problems', () => {
  const cases: Array<[string, Survey, StartInput, string[]]> = [
    ['all missing', matrixSurvey, input(), ['$code:survey.err.code', '$name:survey.err.name']],
    ['blank code (spaces only)', matrixSurvey, input({ code: ' \u3000 ', name: '王某' }), ['$code:survey.err.code']],
    ['code too short', matrixSurvey, input({ code: 'ab', name: '王某' }), ['$code:survey.err.codeFormat']],
    ['code with a symbol', matrixSurvey, input({ code: 'AB#12', name: '王某' }), ['$code:survey.err.codeFormat']],
    ['full-width code is fine', matrixSurvey, input({ code: 'ｊｙ２６－ａ３ｋ７', name: '王某' }), []],
    ['name of spaces', matrixSurvey, input({ code: 'JY26-A3K7', name: '  ' }), ['$name:survey.err.name']],
    ['phone not asked: not checked', matrixSurvey, input({ code: 'JY26-A3K7', name: '王某', phone: 'x' }), []],
    ['phone asked, wrong', withPhone, input({ code: 'JY26-A3K7', name: '王某', phone: '电话' }), ['$phone:survey.err.phone']],
    ['phone asked, optional and blank', withPhone, input({ code: 'JY26-A3K7', name: '王某', phone: ' ' }), []],
    ['phone asked, fine', withPhone, input({ code: 'JY26-A3K7', name: '王某', phone: '(010) 6512-3456' }), []],
    ['two roles, none chosen', mixedSurvey, input(), ['$role:survey.err.role']],
    ['two roles, one chosen', mixedSurvey, input({ role: 'grid' }), []],
  ];
  for (const [name, s, i, want] of cases) {
    it(name, () => expect(startProblems(s, i).map((p) => `${p.path}:${p.key}`)).to.deep.equal(want));
  }
});

describe('survey-form: paths', () => {
  const issues: Array<[string, Parameters<typeof issuePath>[1], string]> = [
    ['a question', { questionId: 'sat', key: 'required' }, 'sat'],
    ['a matrix cell stays on the question', { questionId: 'rowsOnly', key: 'matrixIncomplete', path: 'x.y' }, 'rowsOnly'],
    ['a ballot write-in stays on the question', { questionId: 'vote', key: 'writeInEmpty', path: 'writeIns.0' }, 'vote'],
    ['a proposal part', { questionId: 'prop', key: 'proposalTitle', path: 'title' }, 'prop.title'],
    ['a proposal without a part', { questionId: 'prop', key: 'required' }, 'prop'],
    ['an unknown question', { questionId: 'gone', key: 'unknownQuestion', path: 'x' }, 'gone'],
  ];
  for (const [name, i, want] of issues) it(`issue path: ${name}`, () => expect(issuePath(mixedSurvey, i)).to.equal(want));

  const server: Array<[string, string]> = [
    ['answers.q1', 'q1'], ['answers.q1.s1.reply', 'q1'], ['data.answers.prop.title', 'prop'], ['code', '$code'], ['data.code', '$code'],
    ['role', '$role'], ['respondent.name', '$name'], ['respondent.phone', '$phone'], ['answers', 'answers'], ['surveyId', 'surveyId'],
  ];
  for (const [path, want] of server) it(`server path ${path} → ${want}`, () => expect(formPath(path)).to.equal(want));

  const steps: Array<[Step, string, boolean]> = [
    ['start', '$code', true], [0, '$code', false], ['review', '$code', true],
    [0, 'm', true], [1, 'm', false], ['start', 'm', false], ['review', 'm', true],
    [1, 'why', true], [2, 'only-if-why', true], [1, 'gone', false], ['review', 'gone', true],
  ];
  for (const [step, path, want] of steps) it(`${path} shown on step ${step}: ${want}`, () => expect(onStep(matrixSurvey, step, path)).to.equal(want));
  it('a proposal part is on its question\'s page', () => expect(onStep(mixedSurvey, 0, 'prop.title')).to.equal(true));
});

describe('survey-form: numbers as typed', () => {
  const cases: Array<[string, number | string | undefined]> = [
    ['', undefined], ['  ', undefined], ['42', 42], [' 7 ', 7], ['-3', -3], ['2.5', 2.5], ['０８', 8], ['１２．５', 12.5], ['－１', -1],
    ['1e3', '1e3'], ['12abc', '12abc'], ['.5', '.5'], ['1,000', '1,000'], ['Infinity', 'Infinity'],
  ];
  for (const [raw, want] of cases) it(`${JSON.stringify(raw)} → ${JSON.stringify(want)}`, () => expect(parseNumberInput(raw)).to.equal(want));
});
