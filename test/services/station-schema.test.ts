import { expect } from '@open-wc/testing';
import { appointmentData, appointmentPayload } from '../../src/services/schemas/appointment.js';
import { dataSchemas, payloadSchemas } from '../../src/services/schemas/index.js';
import { DEFAULT_STATION_TYPES, resolveStationTypes, station, stationsFile, type StationsFile } from '../../src/services/schemas/station.js';
import { nextSessions } from '../../src/services/schedule.js';

const minimal = { id: 'st-x', name: '测试联络站', types: ['station'], tier: 'township' };

describe('station schema', () => {
  it('is registered as dataSchemas.stations / .station and the appointment payload as YY', () => {
    expect(dataSchemas.stations).to.equal(stationsFile);
    expect(dataSchemas.station).to.equal(station);
    expect(payloadSchemas.appointment.route).to.equal('/appointments');
    expect(payloadSchemas.appointment.receiptPrefix).to.equal('YY');
    expect(payloadSchemas.appointment.schema).to.equal(appointmentPayload);
  });

  const bad: [string, unknown][] = [
    ['no types', { ...minimal, types: [] }],
    ['unknown tier', { ...minimal, tier: 'province' }],
    ['bad crs', { ...minimal, location: { lng: 118, lat: 35, crs: 'cgcs2000' } }],
    ['latitude out of range', { ...minimal, location: { lng: 118, lat: 95, crs: 'gcj02' } }],
    ['deputy without levels', { ...minimal, deputies: [{ id: 'dep-001', name: '某', levels: [] }] }],
    ['deputy with an unknown level', { ...minimal, deputies: [{ id: 'dep-001', name: '某', levels: ['village'] }] }],
    ['bad schedule', { ...minimal, schedule: { rules: [{ kind: 'weekly', weekdays: [0], times: [] }] } }],
  ];
  for (const [name, value] of bad) {
    it(`rejects ${name}`, () => expect(station.safeParse(value).success).to.equal(false));
  }

  it('accepts a minimal and an online station (no location)', () => {
    expect(station.safeParse(minimal).success).to.equal(true);
    expect(station.safeParse({ ...minimal, types: ['online'], tier: 'county', onlineUrl: 'https://example.org/x' }).success).to.equal(true);
  });

  it('merges a custom taxonomy over the defaults', () => {
    const t = resolveStationTypes([{ id: 'station', zh: '代表联络中心', en: 'Liaison centre' }, { id: 'market', zh: '代表大集点', en: 'Market point' }]);
    expect(t.length).to.equal(DEFAULT_STATION_TYPES.length + 1);
    expect(t.find((x) => x.id === 'station')?.zh).to.equal('代表联络中心');
    expect(t.at(-1)?.id).to.equal('market');
  });
});

describe('demo content: stations.json', () => {
  let file: StationsFile;
  before(async () => {
    const raw = await (await fetch('/demo/content/stations.json')).json();
    const r = stationsFile.safeParse(raw);
    expect(r.success, JSON.stringify(r.error?.issues?.slice(0, 3))).to.equal(true);
    file = r.data!;
  });

  it('has ~150 sites of several types and tiers', () => {
    expect(file.stations.length).to.be.within(130, 170);
    expect(new Set(file.stations.flatMap((s) => s.types)).size).to.be.at.least(10);
    expect(new Set(file.stations.map((s) => s.tier)).size).to.equal(4);
  });

  it('uses every schedule kind, rotas, extras, cancellations, closures and holiday policies', () => {
    const scheds = file.stations.flatMap((s) => (s.schedule ? [s.schedule] : []));
    const rules = scheds.flatMap((s) => s.rules);
    expect(new Set(rules.map((r) => r.kind))).to.deep.equal(new Set(['monthly', 'weekly', 'quarterly', 'daily', 'dates']));
    expect(rules.some((r) => r.kind === 'weekly' && r.interval === 2)).to.equal(true);
    expect(rules.some((r) => r.duty)).to.equal(true);
    expect(new Set(rules.map((r) => r.onHoliday ?? 'skip'))).to.deep.equal(new Set(['skip', 'next-workday', 'previous-workday', 'hold']));
    expect(scheds.some((s) => s.extra?.length)).to.equal(true);
    expect(scheds.some((s) => s.cancelled?.length)).to.equal(true);
    expect(scheds.some((s) => s.closures?.length)).to.equal(true);
    expect(scheds.some((s) => s.timeZone && s.timeZone !== 'Asia/Shanghai')).to.equal(true);
  });

  it('locations: mostly GCJ-02, some WGS-84 and BD-09, online stations without', () => {
    const crs = file.stations.map((s) => s.location?.crs ?? 'none');
    const count = (c: string) => crs.filter((x) => x === c).length;
    expect(count('gcj02')).to.be.greaterThan(count('wgs84') + count('bd09'));
    expect(count('wgs84')).to.be.greaterThan(0);
    expect(count('bd09')).to.be.greaterThan(0);
    expect(file.stations.filter((s) => s.types.includes('online')).every((s) => !s.location)).to.equal(true);
  });

  it('deputy ids use the shared dep-NNN format, ids are unique and parents exist', () => {
    const ids = new Set(file.stations.map((s) => s.id));
    expect(ids.size).to.equal(file.stations.length);
    for (const s of file.stations) {
      if (s.parentId) expect(ids.has(s.parentId), s.id).to.equal(true);
      for (const d of s.deputies ?? []) expect(d.id).to.match(/^dep-(00[1-9]|0[1-9]\d|[12]\d\d|300)$/);
    }
  });

  it('every station has pinyin and its schedule produces sessions', () => {
    const now = Date.UTC(2026, 10, 25, 2);
    for (const s of file.stations) {
      expect(s.pinyin?.initials, s.id).to.be.a('string');
      if (s.schedule) expect(nextSessions(s.schedule, { now, count: 1, horizonDays: 200 }).length, s.id).to.equal(1);
    }
  });
});

describe('appointment payload', () => {
  const valid = {
    stationId: 'st-001',
    slot: { kind: 'session', start: '2026-12-10T09:00:00+08:00', end: '2026-12-10T11:30:00+08:00', ruleId: 'county-monthly' },
    topic: '反映村道路灯损坏问题',
    people: 2,
    contact: { name: '李某', phone: '13800000000' },
    consent: true,
  };
  it('accepts a session slot and a requested slot', () => {
    expect(appointmentData.safeParse(valid).success).to.equal(true);
    expect(appointmentData.safeParse({ ...valid, stationId: undefined, deputyId: 'dep-001', slot: { kind: 'requested', date: '2026-12-12', period: 'morning' } }).success).to.equal(true);
  });
  const bad: [string, Record<string, unknown>][] = [
    ['no station or deputy', { stationId: undefined }],
    ['no consent', { consent: false }],
    ['no contact', { contact: undefined }],
    ['bad phone', { contact: { name: '李某', phone: '12345' } }],
    ['zero people', { people: 0 }],
    ['too many people', { people: 51 }],
    ['empty topic', { topic: ' ' }],
    ['bad slot', { slot: { kind: 'session', start: 'tomorrow', end: 'later' } }],
    ['bad period', { slot: { kind: 'requested', date: '2026-12-12', period: 'evening' } }],
  ];
  for (const [name, patch] of bad) {
    it(`rejects ${name}`, () => expect(appointmentData.safeParse({ ...valid, ...patch }).success).to.equal(false));
  }
  const phones: [string, boolean][] = [
    ['13912345678', true],
    ['0123-6123456', true],
    ['01236123456', true],
    ['+34 600 000 000', true],
    ['+1 415 000 0000', true],
    ['1391234567', false],
    ['abc', false],
  ];
  for (const [p, ok] of phones) {
    it(`phone ${p} ${ok ? 'ok' : 'rejected'}`, () => expect(appointmentData.safeParse({ ...valid, contact: { name: '李某', phone: p } }).success).to.equal(ok));
  }
  it('wraps in the envelope', () => {
    const env = { type: 'appointment', version: 1, id: '3b241101-e2bb-4255-8caf-4136c566a962', createdAt: '2026-11-25T10:00:00+08:00', locale: 'zh-CN', source: { url: 'https://example.org/' }, data: valid };
    expect(appointmentPayload.safeParse(env).success).to.equal(true);
    expect(appointmentPayload.safeParse({ ...env, type: 'deputy-message' }).success).to.equal(false);
  });
});
