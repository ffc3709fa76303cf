// The browser's `zod/mini` (src/services/zod-lite.ts) against real zod: every data and payload
// schema, over the demo data, hand-made payloads and thousands of seeded mutations of them, must
// give the same verdict, the same output and the same issues (code, path, message and the fields
// the widgets read). Real zod comes from dist/server/schemas.mjs — the very bundle the reference
// receiver validates with — so this also proves browser and server agree.
import { expect } from '@open-wc/testing';
import * as lite from '../../src/services/schemas/index.js';
import { z } from 'zod/mini';
import * as realZod from 'zod/v4/mini';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySchema = { safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: readonly any[] } } };
type SchemaIndex = {
  dataSchemas: Record<string, AnySchema>;
  payloadSchemas: Record<string, { schema: AnySchema }>;
  responseSchemas: Record<string, AnySchema>;
};

const loadReal = async () => (await import(/* @vite-ignore */ `${location.origin}/dist/server/schemas.mjs`)) as SchemaIndex;
const liteIndex = lite as unknown as SchemaIndex;

/** Schemas by name, from one index. */
const schemasOf = (ix: SchemaIndex): Record<string, AnySchema> => ({
  ...Object.fromEntries(Object.entries(ix.dataSchemas).map(([k, s]) => [`data:${k}`, s])),
  ...Object.fromEntries(Object.entries(ix.payloadSchemas).map(([k, p]) => [`payload:${k}`, p.schema])),
  ...Object.fromEntries(Object.entries(ix.responseSchemas).map(([k, s]) => [`response:${k}`, s])),
});

/** What the widgets and the receiver read from a result. */
function outcome(s: AnySchema, value: unknown) {
  const r = s.safeParse(value);
  if (r.success) return { success: true, data: r.data };
  return {
    success: false,
    issues: r.error!.issues.map((i: Record<string, unknown>) => {
      const out: Record<string, unknown> = {};
      for (const k of ['code', 'path', 'message', 'origin', 'minimum', 'maximum', 'inclusive', 'expected', 'format', 'keys', 'discriminator', 'note', 'received']) {
        if (i[k] !== undefined) out[k] = i[k];
      }
      return out;
    }),
  };
}

const json = async (path: string) => (await fetch(path)).json();
const uuid = '0b7e7d3a-3c1e-4b7a-9d2f-2a8f3c4d5e6f';
const env = (type: string, data: unknown) => ({ type, version: 1, id: uuid, createdAt: '2026-11-25T10:00:00.000Z', locale: 'zh-CN', source: { url: 'https://rd.example.gov.cn/p.html' }, data });

async function samples(): Promise<Array<[string, unknown]>> {
  const deputies = await json('/demo/content/deputies.json');
  const stations = await json('/demo/content/stations.json');
  const out: Array<[string, unknown]> = [
    ['data:draft', await json('/demo/content/drafts/2026-yq-01.json')],
    ['data:draft', await json('/demo/content/drafts/2026-yq-01-text.json')],
    ['data:deputies', { deputies: deputies.deputies.slice(0, 12) }],
    ...deputies.deputies.slice(0, 40).map((d: unknown) => ['data:deputy', d] as [string, unknown]),
    ['data:stations', { ...stations, stations: stations.stations.slice(0, 10) }],
    ...stations.stations.slice(0, 30).map((s: unknown) => ['data:station', s] as [string, unknown]),
    ['response:receipt', { receipt: 'FK-2026-000123', message: '已收到' }],
    ['response:errors', { errors: [{ path: 'data.comments.0.text', message: '请填写意见' }], message: '有误' }],
    ['payload:legislation-feedback', env('legislation-feedback', {
      draftId: '2026-yq-01', stage: 'first-reading', channel: 'online', publish: false,
      respondent: { identity: 'citizen', wantsReply: true, name: ' 王某 ', phone: '13800138000' },
      comments: [
        { target: { kind: 'article', chapter: '第一章', article: '第十二条', paragraph: 2 }, text: ' 建议删除。 ' },
        { target: { kind: 'general' }, text: '总体赞成。' },
        { target: { kind: 'question', questionId: 'q1' }, text: '', choices: ['a', 'b'] },
      ],
      consent: { version: '2026-1', at: '2026-11-25T10:00:00+08:00' },
    })],
    ['payload:legislation-feedback', env('legislation-feedback', {
      draftId: '2026-yq-01', stage: 'second-reading', channel: 'proxy', publish: true,
      proxy: { collectorName: '李某', place: '东关街道联络站', date: '2026-11-20', channel: 'forum' },
      respondent: { identity: 'citizen', wantsReply: false, region: '东关街道' },
      comments: [{ target: { kind: 'article', article: '第三条' }, text: '意见' }],
    })],
    ['payload:deputy-message', env('deputy-message', {
      deputyId: 'dep-001', subject: '路灯不亮', text: '东关路北段路灯已坏两周。', category: 'urban-rural',
      wantsReply: true, contact: { name: '王女士', phone: '13800138000' }, publish: true, channel: 'web', consent: { version: '1', at: '2026-11-25T10:00:00+08:00' },
    })],
    ['payload:appointment', env('appointment', {
      stationId: 'st-center', slot: { kind: 'session', start: '2026-12-07T14:30:00+08:00', end: '2026-12-07T17:00:00+08:00', ruleId: 'r1' },
      topic: ' 路灯损坏 ', people: 2, contact: { name: '李某某', phone: '13700003333', email: '' }, consent: true, channel: 'qr',
    })],
    ['payload:appointment', env('appointment', {
      deputyId: 'dep-001', slot: { kind: 'requested', date: '2026-12-09', period: 'morning' },
      topic: '反映事项', details: '详情', people: 1, contact: { name: '张某', phone: '+86 138 0013 8000' }, consent: true,
    })],
  ];
  for (const id of ['2026-jybl-myd', '2026-szpy-ldr', '2027-mssx-pj', '2027-mssx-zj']) out.push(['data:survey', await json(`/demo/content/surveys/${id}.json`)]);
  for (const id of ['2026-jybl-myd', '2026-szpy-ldr', '2027-mssx-pj']) out.push(['data:survey-results', await json(`/demo/content/survey-results/${id}.json`)]);
  out.push(['payload:survey-response', env('survey-response', {
    surveyId: '2026-jybl-myd', code: 'JY26-A3K7', role: 'deputy', anonymity: 'identified', respondent: { name: '王某' },
    answers: { m: { a: { x: 'satisfied', y: 'basically' } }, why: '原因', one: { other: '丙' }, many: { selected: ['a', 'c'] }, rank: ['r2', 'r1'], vote: { selected: ['x1'], writeIns: ['新'] }, prop: { title: '建公园', description: '说明', category: 'edu' }, n: 3 },
  })]);
  out.push(['payload:survey-response', env('survey-response', { surveyId: '2027-mssx-pj', role: 'public', anonymity: 'anonymous', answers: { sat: 'satisfied' } })]);
  return out;
}

// Seeded mutations: what broken integrator data and hostile input look like.
function rng(seed: number) {
  return () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const clone = <T>(v: T): T => structuredClone(v);
function paths(v: unknown, at: PropertyKey[] = [], out: PropertyKey[][] = []): PropertyKey[][] {
  out.push(at);
  if (Array.isArray(v)) v.slice(0, 6).forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) paths((v as Record<string, unknown>)[k], [...at, k], out);
  return out;
}
const EMOJI = '\u{1F600}';
const REPLACEMENTS: unknown[] = [
  null, undefined, '', '   ', 'x', '第三条', 0, -1, 1.5, 51, 1e21, Number.NaN, Number.POSITIVE_INFINITY, true, false, [], {}, [1], ['a'],
  'javascript:alert(1)', 'https://ok.example/x', '2026-13-45', '2026-11-25', '2026-11-25T10:00:00Z', 'a'.repeat(5001), EMOJI.repeat(30),
  EMOJI.repeat(101), '  padded  ', 'satisfied', 'article', 'question', 'proxy', 'session', 'serving', 'dep-001',
];
function mutate(base: unknown, r: () => number): unknown {
  const v = clone(base);
  const all = paths(v);
  const steps = 1 + Math.floor(r() * 3);
  let root: unknown = v;
  for (let s = 0; s < steps; s++) {
    const path = all[Math.floor(r() * all.length)];
    if (!path.length) { if (r() < 0.2) root = REPLACEMENTS[Math.floor(r() * REPLACEMENTS.length)]; continue; }
    let parent: unknown = root;
    for (const k of path.slice(0, -1)) parent = (parent as Record<PropertyKey, unknown>)?.[k];
    if (!parent || typeof parent !== 'object') continue;
    const key = path[path.length - 1];
    const obj = parent as Record<PropertyKey, unknown>;
    const pick = r();
    if (pick < 0.25 && !Array.isArray(obj)) delete obj[key];
    else if (pick < 0.35 && !Array.isArray(obj)) obj[r() < 0.5 ? 'unexpected' : '__proto__'] = 'x';
    else if (pick < 0.45 && Array.isArray(obj[key])) (obj[key] as unknown[]).push(clone((obj[key] as unknown[])[0]));
    else if (pick < 0.5 && Array.isArray(obj[key])) obj[key] = [];
    else obj[key] = clone(REPLACEMENTS[Math.floor(r() * REPLACEMENTS.length)]);
  }
  return root;
}

describe('zod-lite: the browser runtime of the schemas behaves exactly like zod', () => {
  const liteSchemas = schemasOf(liteIndex);
  let realSchemas: Record<string, AnySchema> = {};
  before(async () => { realSchemas = schemasOf(await loadReal()); });

  it('both indexes name the same schemas, and `zod/mini` in the browser is zod-lite', () => {
    expect(Object.keys(liteSchemas).sort()).to.deep.equal(Object.keys(realSchemas).sort());
    expect(Object.keys(liteSchemas).length).to.be.at.least(10);
    expect(typeof (z as unknown as { toJSONSchema?: unknown }).toJSONSchema).to.equal('undefined');
    expect(typeof (realZod as unknown as { toJSONSchema?: unknown }).toJSONSchema).to.equal('function');
  });

  it('the samples are valid, and both runtimes return the same output for them', async () => {
    for (const [name, value] of await samples()) {
      const want = outcome(realSchemas[name], value);
      expect(want.success, `${name}: ${JSON.stringify(want.issues ?? []).slice(0, 300)}`).to.equal(true);
      expect(outcome(liteSchemas[name], value), name).to.deep.equal(want);
    }
  });

  it('thousands of mutated samples: same verdict, output and issues, against every schema', async () => {
    const base = await samples();
    const names = Object.keys(realSchemas);
    const r = rng(20261125);
    let failures = 0;
    let compared = 0;
    const firstDiffs: string[] = [];
    for (const [name, value] of base) {
      for (let i = 0; i < 60; i++) {
        const m = mutate(value, r);
        // Mostly its own schema; sometimes a random other one (wrong data in the wrong place).
        const target = r() < 0.85 ? name : names[Math.floor(r() * names.length)];
        const want = outcome(realSchemas[target], m);
        const got = outcome(liteSchemas[target], m);
        compared++;
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          failures++;
          if (firstDiffs.length < 3) firstDiffs.push(`${target}\n  zod:  ${JSON.stringify(want).slice(0, 600)}\n  lite: ${JSON.stringify(got).slice(0, 600)}`);
        }
      }
    }
    expect(compared).to.be.at.least(3000);
    expect(failures, firstDiffs.join('\n')).to.equal(0);
  });

  // Edge cases of the runtime itself, table-driven, each compared with zod.
  const Z = realZod as unknown as typeof z;
  const cases: Array<[string, (zz: typeof z) => AnySchema, unknown[]]> = [
    ['string checks in order, trim first', (zz) => zz.string().check(zz.trim(), zz.minLength(2, 'errors.tooShort'), zz.maxLength(4), zz.regex(/^[a-z]+$/, 'errors.invalid')), ['  ab ', ' a ', 'abcdef', 'AB', 5, null, undefined, [1, 2, 3, 4, 5], `${EMOJI}${EMOJI}`, EMOJI.repeat(5)]],
    ['numbers and int', (zz) => zz.number().check(zz.int(), zz.minimum(1), zz.maximum(50)), [1, 50, 0, 51, 1.5, Number.NaN, -Infinity, 2 ** 60, '3', null]],
    ['int schema with positive/lte', (zz) => zz.int().check(zz.positive(), zz.lte(5000)), [1, 0, -3, 5001, 2.5, 9007199254740993]],
    ['nonnegative / gte', (zz) => zz.number().check(zz.nonnegative(), zz.gte(0)), [0, -0.1, 3]],
    ['literal with message, enum, boolean', (zz) => zz.object({ c: zz.literal(true, 'errors.consent'), e: zz.enum(['a', 'b']), b: zz.boolean() }), [{ c: true, e: 'a', b: false }, { c: false, e: 'z', b: 'no' }, {}, { c: 'true' }]],
    ['object: optional, absent, unknown keys stripped, refine skipped after a type error', (zz) => zz.object({ a: zz.optional(zz.string()), n: zz.number() }).check(zz.refine((v) => v.n > 1, { message: 'big.enough', path: ['n'] })), [{ n: 2, x: 1 }, { n: 1 }, { a: 5, n: 1 }, { a: undefined, n: 3 }, { n: '3' }, [], null, { a: 'x' }]],
    ['refine still runs after a check issue (continue)', (zz) => zz.object({ s: zz.string().check(zz.minLength(3)) }).check(zz.refine(() => false, 'whole.bad')), [{ s: 'a' }, { s: 'abc' }, { s: 1 }]],
    ['strictObject', (zz) => zz.strictObject({ a: zz.string() }), [{ a: 'x' }, { a: 'x', b: 1, c: 2 }, { b: 1 }, JSON.parse('{"a":"x","__proto__":{"y":1}}')]],
    ['union: one live option reports its own issues', (zz) => zz.union([zz.enum(['x', 'y']), zz.object({ id: zz.string().check(zz.minLength(2)), label: zz.string() })]), ['x', 'z', { id: 'a', label: 'L' }, { id: 'ab' }, 3, null]],
    ['union of primitives', (zz) => zz.array(zz.union([zz.string(), zz.number()])).check(zz.minLength(1)), [['a', 1], [], [true], 'a']],
    ['discriminated union', (zz) => zz.discriminatedUnion('kind', [zz.object({ kind: zz.literal('a'), x: zz.string() }), zz.object({ kind: zz.literal('b') })]), [{ kind: 'a', x: 's' }, { kind: 'a' }, { kind: 'b', y: 1 }, { kind: 'c' }, {}, 'a', null]],
    ['record with checked keys', (zz) => zz.record(zz.string().check(zz.regex(/^\d{4}$/)), zz.string().check(zz.maxLength(3))), [{ 2026: 'abc' }, { 2026: 'abcd' }, { x: 'a', 2027: 'b' }, [], new Date(0), {}]],
    ['tuple', (zz) => zz.array(zz.tuple([zz.number(), zz.number()])), [[[1, 2]], [[1]], [[1, 2, 3]], [['a', 2]], [null]]],
    ['array min/max', (zz) => zz.array(zz.string()).check(zz.minLength(1, 'errors.requiredChoice'), zz.maxLength(2)), [[], ['a'], ['a', 'b', 'c'], ['a', 1]]],
    ['refine with an error function', (zz) => zz.array(zz.number()).check(zz.refine((a) => a.length < 2, { error: (iss) => `too many: ${(iss.input as unknown[]).length}` })), [[1], [1, 2, 3]]],
  ];
  for (const [title, make, inputs] of cases) {
    it(title, () => {
      const a = make(z);
      const b = make(Z);
      for (const input of inputs) expect(outcome(a, input), JSON.stringify(input)).to.deep.equal(outcome(b, input));
    });
  }
});
