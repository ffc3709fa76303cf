import { expect } from '@open-wc/testing';
import { survey, surveyProblems, type Survey } from '../../src/services/schemas/survey.js';
import { surveyResponsePayload, surveyResponseData } from '../../src/services/schemas/survey-response.js';
import { dataSchemas, payloadSchemas } from '../../src/services/schemas/index.js';
import { matrixSurvey, mixedSurvey } from './survey-fixtures.js';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));
const envelope = (data: unknown, url = 'https://rd.example.gov.cn/cp.html') => ({
  type: 'survey-response', version: 1, id: '3f2c1a9e-8b7d-4c6e-9a5f-1b2c3d4e5f60', createdAt: '2026-11-25T10:00:00+08:00',
  locale: 'zh-CN', source: { url }, data,
});
const anon = { surveyId: 's1', anonymity: 'anonymous', role: 'deputy', answers: { q1: 'satisfied' } };
const ident = { surveyId: 's1', anonymity: 'identified', role: 'deputy', respondent: { name: '王某' }, answers: { q1: 'satisfied' } };

describe('survey schema: registration', () => {
  it('registers data and payload schemas', () => {
    expect(dataSchemas.survey).to.equal(survey);
    expect(dataSchemas['survey-results']).to.exist;
    expect(payloadSchemas['survey-response']).to.deep.include({ route: '/survey-responses', receiptPrefix: 'CP' });
    expect(payloadSchemas['survey-response'].schema).to.equal(surveyResponsePayload);
  });
});

describe('survey schema: definitions', () => {
  it('accepts the fixtures', () => {
    expect(survey.safeParse(matrixSurvey).success).to.equal(true);
    expect(survey.safeParse(mixedSurvey).success).to.equal(true);
  });
  for (const id of ['2026-jybl-myd', '2026-szpy-ldr', '2027-mssx-pj', '2027-mssx-zj']) {
    it(`demo survey ${id} validates`, async () => {
      const json = await (await fetch(`/demo/content/surveys/${id}.json`)).json();
      const r = survey.safeParse(json);
      expect(r.success, JSON.stringify(r.error?.issues)).to.equal(true);
    });
  }
  const broken: Array<[string, (s: Survey) => void, RegExp]> = [
    ['duplicate question id', (s) => { s.pages[1].questions[1].id = 'm'; }, /duplicate question id/],
    ['showIf pointing forward', (s) => { s.pages[0].questions[0].showIf = { question: 'more', answered: true }; }, /must be an earlier question/],
    ['showIf to an unknown question', (s) => { s.pages[1].questions[0].showIf = { question: 'nope', in: ['x'] }; }, /must be an earlier question/],
    ['matrix naming an unknown subject', (s) => { (s.pages[0].questions[0] as { subjects: string[] }).subjects = ['a', 'zz']; }, /unknown subject "zz"/],
    ['duplicate subject', (s) => { s.subjects!.push({ id: 'a', name: '重复' }); }, /duplicate id "a"/],
    ['text min > max', (s) => { Object.assign(s.pages[1].questions[0], { minLength: 20 }); }, /minLength > maxLength/],
  ];
  for (const [name, mutate, msg] of broken) {
    it(`refuses: ${name}`, () => {
      const s = clone(matrixSurvey);
      mutate(s);
      expect(surveyProblems(s).join('\n')).to.match(msg);
      const r = survey.safeParse(s);
      expect(r.success).to.equal(false);
      expect(r.error!.issues[0].message).to.match(msg);
    });
  }
  const ballotCases: Array<[string, Record<string, unknown>, RegExp | null]> = [
    ['10 of 13', { max: 10 }, null],
    ['min > max', { max: 2, min: 3 }, /min > max/],
    ['max beyond candidates', { max: 5 }, /max is larger/],
    ['max beyond candidates, write-ins make room', { max: 5, writeIn: true }, null],
  ];
  for (const [name, extra, msg] of ballotCases) {
    it(`ballot: ${name}`, () => {
      const s = clone(mixedSurvey);
      const subjects = name === '10 of 13' ? Array.from({ length: 13 }, (_, i) => ({ id: `m${i}`, name: `项目${i}` })) : s.subjects!;
      s.subjects = subjects;
      s.pages = [{ id: 'p', questions: [{ id: 'v', type: 'ballot', title: '票决', ...extra } as never] }];
      expect(surveyProblems(s).join('\n')).to.match(msg ?? /^$/);
    });
  }
  const shapes: Array<[string, unknown, boolean]> = [
    ['custom scale with 2 tiers', { kind: 'tiers', tiers: [{ value: 'y', label: '是' }, { value: 'n', label: '否' }] }, true],
    ['custom scale with 1 tier', { kind: 'tiers', tiers: [{ value: 'y', label: '是' }] }, false],
    ['unknown preset', 'ten', false],
    ['score range', { kind: 'score', min: 0, max: 10, step: 0.5 }, true],
    ['score with zero step', { kind: 'score', min: 0, max: 10, step: 0 }, false],
  ];
  for (const [name, scale, ok] of shapes) {
    it(`scale: ${name}`, () => {
      const s = clone(mixedSurvey);
      s.pages[0].questions[0] = { id: 'sat', type: 'satisfaction', title: 'x', scale } as never;
      expect(survey.safeParse(s).success).to.equal(ok);
    });
  }
  it('ids must be slugs (object keys in answers)', () => {
    const s = clone(mixedSurvey);
    s.pages[0].questions[0].id = '__proto__ x';
    expect(survey.safeParse(s).success).to.equal(false);
  });
});

describe('survey schema: response payload', () => {
  const cases: Array<[string, unknown, boolean]> = [
    ['anonymous, minimal', envelope(anon), true],
    ['anonymous with a code', envelope({ ...anon, code: 'JY26-A3K7' }), true],
    ['anonymous carrying a respondent', envelope({ ...anon, respondent: { name: '王某' } }), false],
    ['anonymous carrying a stray phone', envelope({ ...anon, phone: '13800000000' }), false],
    ['anonymous with the page query string', envelope(anon, 'https://x.example/cp.html?uid=42'), false],
    ['identified with respondent', envelope(ident, 'https://x.example/cp.html?from=qr'), true],
    ['identified without respondent', envelope({ ...ident, respondent: undefined }), false],
    ['identified respondent with an extra field', envelope({ ...ident, respondent: { name: '王某', idCard: '1' } }), false],
    ['unknown anonymity', envelope({ ...anon, anonymity: 'secret' }), false],
    ['answers: every shape', envelope({ ...anon, answers: {
      sat: 'satisfied', score: 85, rank: ['a', 'b'], one: { other: '丙' }, many: { selected: ['a'], other: '群' },
      vote: { selected: ['m01'], writeIns: ['新项目'] }, prop: { title: '建', description: '说明', location: '河边', category: 'edu' },
      m: { s101: { org: 'satisfied' } }, rows: { p1: 'competent' },
    } }), true],
    ['answers: key not a slug', envelope({ ...anon, answers: { 'a b': 'x' } }), false],
    ['answers: matrix three levels deep', envelope({ ...anon, answers: { m: { a: { b: { c: 'x' } } } } }), false],
    ['code with odd characters', envelope({ ...anon, code: 'AB 12<' }), false],
    ['wrong type', { ...envelope(anon), type: 'deputy-message' }, false],
  ];
  for (const [name, body, ok] of cases) {
    it(name, () => {
      const r = surveyResponsePayload.safeParse(body);
      expect(r.success, JSON.stringify(r.error?.issues)).to.equal(ok);
    });
  }
  it('data alone: discriminated by anonymity', () => {
    expect(surveyResponseData.safeParse(anon).success).to.equal(true);
    expect(surveyResponseData.safeParse({ ...anon, anonymity: 'identified' }).success).to.equal(false);
  });
});
