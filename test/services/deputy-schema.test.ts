import { expect } from '@open-wc/testing';
import { deputySchema, deputyDirectorySchema, deputyMessageData, deputyMessagePayload } from '../../src/services/schemas/deputy.js';
import { dataSchemas, payloadSchemas } from '../../src/services/schemas/index.js';

const minimal = { id: 'dep-001', name: '张伟', level: 'county', term: { number: 18 }, status: { code: 'serving' } };
const full = {
  ...minimal,
  pinyin: 'zhang wei',
  photo: { src: '/img/dep-001.jpg', alt: '张伟照片' },
  term: { number: 18, fromYear: 2021, untilYear: 2026 },
  electedFrom: { kind: 'constituency', name: '第3选区' },
  deputyGroup: { id: 'g1', name: '东关代表小组' },
  sectorGroups: [{ id: 'sg1', name: '农业专业代表小组' }],
  stations: [{ id: 'st-001', name: '东关街道代表联络站' }],
  occupation: '农艺师',
  expertise: ['农业技术'],
  services: [{ name: '农技咨询', description: '每月到村服务' }],
  pledges: ['每月进站接待选民不少于一次'],
  bio: '<img src=x onerror=alert(1)>',
  contact: [{ kind: 'phone', label: '联络站电话', value: '0571-12345678' }],
  dutyRecord: {
    suggestions: [{ title: '关于改善东关路照明的建议', role: 'lead', status: 'completed', date: '2025-03-01' }],
    receptions: { count: 12, visitors: 40, since: '2021-12-01' },
    activities: 8,
    reports: [{ title: '2025年度述职报告', date: '2025-12-10', url: 'https://rd.example.gov.cn/r/1' }],
  },
  points: { total: 86.5, year: 2025 },
};

describe('schema: deputy', () => {
  const valid: Array<[string, unknown]> = [
    ['minimal', minimal],
    ['every field', full],
    ['electing unit', { ...minimal, level: 'provincial', electedFrom: { kind: 'electingUnit', name: '青禾县人民代表大会' } }],
    ['resigned with date', { ...minimal, status: { code: 'resigned', date: '2026-05-12' } }],
    ['pinyin with ü', { ...minimal, pinyin: 'lü xiao' }],
  ];
  for (const [title, v] of valid) it(`accepts ${title}`, () => expect(deputySchema.safeParse(v).success).to.equal(true));

  const invalid: Array<[string, unknown, string]> = [
    ['unknown level', { ...minimal, level: '市' }, 'level'],
    ['term 0', { ...minimal, term: { number: 0 } }, 'term.number'],
    ['empty name', { ...minimal, name: '   ' }, 'name'],
    ['resigned without date', { ...minimal, status: { code: 'resigned' } }, 'status.date'],
    ['unknown status', { ...minimal, status: { code: 'retired' } }, 'status.code'],
    ['unknown election kind', { ...minimal, electedFrom: { kind: 'appointed', name: 'x' } }, 'electedFrom.kind'],
    ['pinyin with digits', { ...minimal, pinyin: 'zhang1 wei' }, 'pinyin'],
    ['bad contact kind', { ...minimal, contact: [{ kind: 'fax', value: '1' }] }, 'contact.0.kind'],
    ['suggestion without status', { ...minimal, dutyRecord: { suggestions: [{ title: 'x' }] } }, 'dutyRecord.suggestions.0.status'],
    ['negative receptions', { ...minimal, dutyRecord: { receptions: { count: -1 } } }, 'dutyRecord.receptions.count'],
    ['javascript: photo', { ...minimal, photo: { src: 'javascript:alert(1)', alt: '' } }, 'photo.src'],
  ];
  for (const [title, v, path] of invalid) {
    it(`refuses ${title} at ${path}`, () => {
      const r = deputySchema.safeParse(v);
      expect(r.success).to.equal(false);
      expect(r.error!.issues.map((i) => i.path.join('.'))).to.include(path);
    });
  }

  it('directory wraps a list', () => {
    expect(deputyDirectorySchema.safeParse({ deputies: [minimal, full] }).success).to.equal(true);
    expect(deputyDirectorySchema.safeParse([minimal]).success).to.equal(false);
  });

  it('is registered for the build and the receiver', () => {
    expect(dataSchemas.deputy).to.equal(deputySchema);
    expect(dataSchemas.deputies).to.equal(deputyDirectorySchema);
    expect(payloadSchemas['deputy-message']).to.deep.equal({ route: '/deputy-messages', schema: deputyMessagePayload, receiptPrefix: 'LY' });
  });
});

describe('schema: deputy message', () => {
  const msg = {
    deputyId: 'dep-001', subject: '路灯不亮', text: '东关路北段路灯已坏两周。', category: 'urban-rural',
    wantsReply: false, publish: true, channel: 'web', consent: { version: '1', at: '2026-11-25T10:00:00+08:00' },
  };
  const valid: Array<[string, unknown]> = [
    ['no reply wanted, no contact', msg],
    ['reply by phone', { ...msg, wantsReply: true, contact: { name: '王女士', phone: '13800138000' } }],
    ['reply by e-mail', { ...msg, wantsReply: true, contact: { email: 'a@example.com' } }],
    ['integrator category code', { ...msg, category: 'road-safety' }],
  ];
  for (const [title, v] of valid) it(`accepts ${title}`, () => expect(deputyMessageData.safeParse(v).success).to.equal(true));

  const invalid: Array<[string, unknown, string, string?]> = [
    ['reply wanted without contact', { ...msg, wantsReply: true }, 'contact.phone', 'deputy.errors.contactNeeded'],
    ['reply wanted with only a name', { ...msg, wantsReply: true, contact: { name: '王' } }, 'contact.phone', 'deputy.errors.contactNeeded'],
    ['contact without reply wanted', { ...msg, contact: { phone: '13800138000' } }, 'contact'],
    ['bad phone', { ...msg, wantsReply: true, contact: { phone: 'call me' } }, 'contact.phone', 'errors.phone'],
    ['bad e-mail', { ...msg, wantsReply: true, contact: { email: 'a@b' } }, 'contact.email', 'errors.email'],
    ['blank subject', { ...msg, subject: '  ' }, 'subject'],
    ['text too long', { ...msg, text: 'x'.repeat(2001) }, 'text'],
    ['no consent', { ...msg, consent: undefined }, 'consent'],
    ['category with spaces', { ...msg, category: 'Road Safety' }, 'category'],
    ['unknown channel', { ...msg, channel: 'fax' }, 'channel'],
  ];
  for (const [title, v, path, message] of invalid) {
    it(`refuses ${title} at ${path}`, () => {
      const r = deputyMessageData.safeParse(v);
      expect(r.success).to.equal(false);
      const issue = r.error!.issues.find((i) => i.path.join('.') === path);
      expect(issue, JSON.stringify(r.error!.issues)).to.not.equal(undefined);
      if (message) expect(issue!.message).to.equal(message);
    });
  }

  it('the envelope has type deputy-message', () => {
    const env = {
      type: 'deputy-message', version: 1, id: '0b8f1b7e-3c1a-4d2b-9e4f-1a2b3c4d5e6f', createdAt: '2026-11-25T10:00:00Z',
      locale: 'zh-CN', source: { url: 'https://rd.example.gov.cn/d/dep-001' }, data: msg,
    };
    expect(deputyMessagePayload.safeParse(env).success).to.equal(true);
    expect(deputyMessagePayload.safeParse({ ...env, type: 'appointment' }).success).to.equal(false);
  });
});
