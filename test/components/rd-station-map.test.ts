import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/rd-station-map/rd-station-map.js';
import type { RdStationMap } from '../../src/components/rd-station-map/rd-station-map.js';
import type { StationsFile } from '../../src/services/schemas/station.js';
import { resolveTiles } from '../../src/components/rd-station-map/tiles.js';
import { button, byLabel, chaosLog, chaosUrl, env, typeInto, uid, until } from '../helpers/env.js';

// 2026-11-25 (Wednesday) 10:00 in Shanghai.
const NOW = Date.UTC(2026, 10, 25, 2, 0);

const file: StationsFile = {
  version: 1,
  region: { name: '青禾县', districts: ['东关街道', '南湖镇'], outline: { crs: 'gcj02', rings: [[[118.1, 35.0], [118.4, 35.0], [118.4, 35.3], [118.1, 35.3], [118.1, 35.0]]] } },
  stations: [
    {
      id: 'st-a',
      name: '东关街道人大代表联络站',
      types: ['station', 'legislative'],
      tier: 'township',
      district: '东关街道',
      address: '青禾县东关街道人民路8号',
      venue: '东关街道党群服务中心',
      location: { lng: 118.262, lat: 35.13, crs: 'gcj02' },
      phone: '0123-6000001',
      deputies: [
        { id: 'dep-011', name: '赵一', levels: ['county'] },
        { id: 'dep-012', name: '钱二', levels: ['township'] },
        { id: 'dep-013', name: '孙三', levels: ['county', 'township'] },
      ],
      schedule: {
        rules: [
          { id: 'm', kind: 'monthly', days: [4, 25], times: [{ start: '09:00', end: '11:30' }], onHoliday: 'next-workday', duty: { deputyIds: ['dep-011', 'dep-012', 'dep-013'], anchor: '2026-11-01' } },
        ],
        cancelled: [{ date: '2026-12-25', ruleId: 'm', reason: '人代会期间' }],
      },
      facilities: ['接待室', '意见箱'],
      pinyin: { full: 'dong guan jie dao ren da dai biao lian luo zhan', initials: 'dgjdrddbllz' },
    },
    {
      id: 'st-b',
      name: '后洼村人大代表联络点',
      types: ['point'],
      tier: 'village',
      parentId: 'st-a',
      district: '东关街道',
      address: '青禾县东关街道后洼村村委会',
      location: { lng: 118.3, lat: 35.15, crs: 'wgs84' },
      deputies: [{ id: 'dep-012', name: '钱二', levels: ['township'] }],
      schedule: { rules: [{ kind: 'weekly', weekdays: [5], times: [{ start: '14:30', end: '17:00' }], deputyIds: ['dep-012'] }] },
      pinyin: { full: 'hou wa cun ren da dai biao lian luo dian', initials: 'hwcrddblld' },
    },
    {
      id: 'st-c',
      name: '南湖镇人大代表联络站',
      types: ['station'],
      tier: 'township',
      district: '南湖镇',
      location: { lng: 118.28, lat: 34.95, crs: 'bd09' },
      schedule: { rules: [{ kind: 'weekly', weekdays: [4], interval: 2, anchor: '2026-11-26', times: [{ start: '09:00', end: '11:00' }] }] },
      pinyin: { full: 'nan hu zhen ren da dai biao lian luo zhan', initials: 'nhzrddbllz' },
    },
    {
      id: 'st-d',
      name: '青禾人大线上联络站',
      types: ['online'],
      tier: 'county',
      onlineUrl: 'https://example.org/online',
      schedule: { rules: [{ kind: 'weekly', weekdays: [1, 2, 3, 4, 5], times: [{ start: '09:00', end: '17:30' }] }] },
      pinyin: { full: 'qing he ren da xian shang lian luo zhan', initials: 'qhrdxsllz' },
    },
  ],
};

async function mount(extra: Record<string, unknown> = {}, attrs = '') {
  const el = await fixture<RdStationMap>(html`<rd-station-map .data=${file} .now=${NOW} drafts="off"></rd-station-map>`);
  Object.assign(el, extra);
  if (attrs) for (const [k, v] of attrs.split(' ').map((a) => a.split('='))) el.setAttribute(k, v ?? '');
  await el.updateComplete;
  return el;
}
const items = (el: RdStationMap) => [...el.shadowRoot!.querySelectorAll('[part="item"] .sm__name')].map((n) => n.textContent);
const statusText = (el: RdStationMap) => el.shadowRoot!.querySelector('.sm__status')?.textContent?.replace(/\s+/g, ' ').trim();

describe('<rd-station-map>: list', () => {
  it('renders every station with its next reception, and is accessible', async () => {
    const el = await mount();
    const root = el.shadowRoot!;
    expect(root.querySelector('h2')?.textContent).to.equal('青禾县代表联络站');
    expect(items(el)).to.deep.equal(['东关街道人大代表联络站', '后洼村人大代表联络点', '南湖镇人大代表联络站', '青禾人大线上联络站']);
    expect(statusText(el)).to.equal('共 4 个站点');
    const when = [...root.querySelectorAll('.sm__item .sm__when')].map((n) => n.textContent?.trim());
    expect(when).to.deep.equal([
      '正在接待，11:30 结束', // 25th, 09:00–11:30, now is 10:00
      '下次接待：11月27日（周五）14:30–17:00',
      '下次接待：11月26日（周四）9:00–11:00',
      '正在接待，17:30 结束',
    ]);
    expect(root.querySelector('.sm__item .sm__meta')?.textContent).to.equal('代表联络站、基层立法联系点 · 东关街道 · 青禾县东关街道人民路8号');
    await expect(el).to.be.accessible();
  });

  it('searches in Chinese, pinyin and initials, and filters by type, tier and district', async () => {
    const el = await mount();
    const root = el.shadowRoot!;
    const search = root.querySelector<HTMLInputElement>('#sm-search')!;
    const cases: [string, string[]][] = [
      ['南湖', ['南湖镇人大代表联络站']],
      ['houwa', ['后洼村人大代表联络点']],
      ['dgjd', ['东关街道人大代表联络站']],
      ['人民路', ['东关街道人大代表联络站']],
    ];
    for (const [text, want] of cases) {
      typeInto(search, text);
      await el.updateComplete;
      expect(items(el), text).to.deep.equal(want);
    }
    typeInto(search, '不存在的站');
    await el.updateComplete;
    expect(root.textContent).to.contain('没有符合条件的站点');
    typeInto(search, '');
    const select = (id: string, value: string) => {
      const s = root.querySelector<HTMLSelectElement>(id)!;
      s.value = value;
      s.dispatchEvent(new Event('change'));
    };
    select('#sm-type', 'station');
    await el.updateComplete;
    expect(items(el)).to.deep.equal(['东关街道人大代表联络站', '南湖镇人大代表联络站']);
    select('#sm-district', '南湖镇');
    await el.updateComplete;
    expect(items(el)).to.deep.equal(['南湖镇人大代表联络站']);
    button(root, '清除筛选').click();
    await el.updateComplete;
    select('#sm-tier', 'village');
    await el.updateComplete;
    expect(items(el)).to.deep.equal(['后洼村人大代表联络点']);
    expect(statusText(el)).to.equal('共 1 个站点');
  });

  it('"today" filter keeps stations with a reception today', async () => {
    const el = await mount();
    byLabel(el.shadowRoot!, '只看今天有代表接待的站点').click();
    await el.updateComplete;
    expect(items(el)).to.deep.equal(['东关街道人大代表联络站', '青禾人大线上联络站']);
  });

  it('sorts by distance from a typed place', async () => {
    const el = await mount();
    const root = el.shadowRoot!;
    typeInto(byLabel(root, '或输入地点'), '南湖镇');
    button(root, '查找附近').click();
    await until(() => statusText(el)?.includes('按距离'));
    expect(items(el)).to.deep.equal(['南湖镇人大代表联络站', '东关街道人大代表联络站', '后洼村人大代表联络点', '青禾人大线上联络站']);
    expect(root.querySelector('.sm__item .sm__meta')?.textContent).to.match(/ · 0 米$/);
    expect(statusText(el)).to.contain('按与“南湖镇”的距离排序');
  });

  it('says when a typed place is unknown', async () => {
    const el = await mount();
    const root = el.shadowRoot!;
    typeInto(byLabel(root, '或输入地点'), '火星');
    button(root, '查找附近').click();
    await until(() => root.querySelector('.sm__near [role="status"]'));
    expect(root.querySelector('.sm__near [role="status"]')?.textContent).to.contain('没有找到“火星”');
  });

  it('shows "show more" beyond 30 stations', async () => {
    const many: StationsFile = { stations: Array.from({ length: 45 }, (_, i) => ({ id: `s${i}`, name: `站点${i}`, types: ['point'], tier: 'village' as const })) };
    const el = await fixture<RdStationMap>(html`<rd-station-map .data=${many} .now=${NOW}></rd-station-map>`);
    expect(el.shadowRoot!.querySelectorAll('[part="item"]').length).to.equal(30);
    button(el.shadowRoot!, '显示更多站点（还有 15 个）').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[part="item"]').length).to.equal(45);
  });

  it('renders a localized alert for invalid data', async () => {
    const el = await fixture<RdStationMap>(html`<rd-station-map .data=${{ stations: [{ id: 'x', name: 'x', types: [], tier: 'planet' }] }}></rd-station-map>`);
    await until(() => el.shadowRoot!.querySelector('[role="alert"]'));
    expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent).to.contain('数据格式有误');
  });

  it('English', async () => {
    const el = await fixture<RdStationMap>(html`<rd-station-map lang="en" .data=${file} .now=${NOW}></rd-station-map>`);
    expect(el.shadowRoot!.querySelector('h2')?.textContent).to.equal("青禾县: deputies' liaison stations");
    expect(el.shadowRoot!.querySelector('.sm__when')?.textContent?.trim()).to.equal('Receiving visitors now, until 11:30');
    expect(statusText(el)).to.equal('4 stations');
  });
});

describe('<rd-station-map>: detail', () => {
  it('opens from the list with focus on the heading, shows schedule, duty, deputies, directions; back returns focus', async () => {
    const el = await mount({ deputyUrl: '/deputies/{id}.html' });
    const root = el.shadowRoot!;
    let selected = '';
    el.addEventListener('rd-station-select', (e) => (selected = e.detail.stationId));
    root.querySelector<HTMLButtonElement>('[data-station="st-a"]')!.click();
    await el.updateComplete;
    await until(() => root.activeElement?.id === 'sm-detail-title');
    expect(selected).to.equal('st-a');
    const detail = root.querySelector('[part="detail"]')!;
    expect(detail.querySelector('h3')?.textContent).to.equal('东关街道人大代表联络站');
    expect(detail.querySelector('.sm__plain li')?.textContent).to.contain('每月4日、25日 9:00–11:30，遇节假日顺延，代表轮流坐班');
    const sessions = [...detail.querySelectorAll('.sm__sessions li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    // Rota from 2026-11-01: 11-04 → 赵一, 11-25 → 钱二, 12-04 → 孙三, 12-25 → 赵一 (cancelled).
    expect(sessions[0]).to.contain('11月25日（周三）9:00–11:30').and.contain('值班代表：钱二');
    expect(sessions[1]).to.contain('12月4日（周五）9:00–11:30').and.contain('值班代表：孙三');
    expect(sessions[2]).to.contain('12月25日（周五）9:00–11:30 已取消（人代会期间）');
    expect(sessions[3]).to.contain('2027年1月4日').and.contain('节假日安排未公布');
    const deputyLinks = [...detail.querySelectorAll('.sm__deputies a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(deputyLinks).to.deep.equal([['赵一', '/deputies/dep-011.html'], ['钱二', '/deputies/dep-012.html'], ['孙三', '/deputies/dep-013.html']]);
    // The navigation links need the coordinate conversions, imported when a station is first opened.
    await until(() => detail.querySelector('.sm__nav a'));
    const nav = [...detail.querySelectorAll('.sm__nav a')].map((a) => a.getAttribute('href')!);
    expect(nav[0]).to.match(/^https:\/\/uri\.amap\.com\/marker\?position=118\.262,35\.13&/);
    expect(nav[1]).to.match(/^https:\/\/api\.map\.baidu\.com\/marker\?location=35\.1\d+,118\.2\d+&.*coord_type=bd09ll/);
    expect(nav[2]).to.match(/^https:\/\/apis\.map\.qq\.com\/uri\/v1\/marker\?marker=coord:35\.13,118\.262;/);
    expect(detail.querySelector('a[href^="tel:"]')?.getAttribute('href')).to.equal('tel:01236000001');
    await expect(el).to.be.accessible();
    button(root, '返回站点列表').click();
    await until(() => root.activeElement?.getAttribute('data-station') === 'st-a');
  });

  it('rd-deputy-select can replace the link', async () => {
    const el = await mount({ stationId: 'st-b' });
    const root = el.shadowRoot!;
    let got: { deputyId: string; stationId: string } | undefined;
    el.addEventListener('rd-deputy-select', (e) => {
      got = e.detail;
      e.preventDefault();
    });
    await el.updateComplete;
    // The detail panel is a chunk of its own, imported when a station is first opened.
    await until(() => root.querySelector('[part="detail"]'));
    button(root, '钱二').click();
    expect(got).to.deep.equal({ deputyId: 'dep-012', stationId: 'st-b' });
  });

  it('shows the photo with its alt text', async () => {
    const withPhoto: StationsFile = { stations: [{ ...file.stations[2], photo: { url: 'images/st-c.jpg', alt: '联络站外景' } }] };
    const el = await fixture<RdStationMap>(html`<rd-station-map .data=${withPhoto} .now=${NOW} station-id="st-c"></rd-station-map>`);
    expect((await until(() => el.shadowRoot!.querySelector('.sm__photo'))).getAttribute('alt')).to.equal('联络站外景');
  });

  it('opens a station given by station-id, and names a missing one', async () => {
    const el = await mount({ stationId: 'st-c' });
    expect((await until(() => el.shadowRoot!.querySelector('#sm-detail-title'))).textContent).to.equal('南湖镇人大代表联络站');
    const el2 = await mount({ stationId: 'st-zzz' });
    expect(el2.shadowRoot!.querySelector('[role="alert"]')?.textContent).to.contain('st-zzz');
  });

  it('the booking form follows the map’s own settings (draft-contact, kiosk-timeout, privacy version, headers) over the provider', async () => {
    const wrap = await fixture(html`<rd-provider endpoint="/p" timeout="9000"><rd-station-map .data=${file} .now=${NOW} station-id="st-a"
      draft-contact kiosk-timeout="45" privacy-version="v7" timeout="5000" .headers=${{ 'X-Site': 'qh' }}></rd-station-map></rd-provider>`);
    const el = wrap.querySelector('rd-station-map') as RdStationMap;
    await el.updateComplete;
    await until(() => el.shadowRoot!.querySelector('[part="detail"]'));
    button(el.shadowRoot!, '预约接访').click();
    const form = await until(() => el.shadowRoot!.querySelector('rd-appointment-form'));
    await form.updateComplete;
    const cfg = (form as unknown as { config: Record<string, unknown> }).config;
    expect(cfg).to.deep.include({ draftContact: true, kioskTimeout: 45, privacyVersion: 'v7', timeout: 5000, endpoint: '/p' });
    expect(cfg.headers).to.deep.equal({ 'X-Site': 'qh' });
  });

  it('books a reception with the shared appointment form: the exact request', async () => {
    const run = uid();
    const el = await mount({ stationId: 'st-a', submitUrl: chaosUrl('ok', run) });
    const root = el.shadowRoot!;
    await until(() => root.querySelector('[part="detail"]'));
    button(root, '预约接访').click();
    const form = await until(() => root.querySelector('rd-appointment-form'));
    await form.updateComplete;
    const fr = form.shadowRoot!;
    await until(() => fr.activeElement?.getAttribute('type') === 'radio');
    // The ongoing session (started) is not offered; the first is 12-04.
    const first = fr.querySelector('label.rd-choice')!;
    expect(first.textContent).to.contain('12月4日（周五）9:00–11:30');
    (first.querySelector('input') as HTMLInputElement).click();
    typeInto(byLabel(fr, '要反映的事项'), '反映小区加装电梯问题');
    typeInto(byLabel(fr, '姓名'), '周五');
    typeInto(byLabel(fr, '联系电话'), '13900000000');
    byLabel(fr, '我已阅读并同意').click();
    await form.updateComplete;
    await expect(el).to.be.accessible();
    button(fr, '提交预约').click();
    await until(() => fr.querySelector('[data-rd-receipt]'));
    const [req] = await chaosLog(run);
    const body = JSON.parse(req.body);
    expect(req.headers['idempotency-key']).to.equal(body.id);
    expect(body).to.deep.include({ type: 'appointment', version: 1, locale: 'zh-CN' });
    expect(body.data).to.deep.equal({
      stationId: 'st-a',
      slot: { kind: 'session', start: '2026-12-04T09:00:00+08:00', end: '2026-12-04T11:30:00+08:00', ruleId: 'm' },
      topic: '反映小区加装电梯问题',
      people: 1,
      contact: { name: '周五', phone: '13900000000' },
      consent: true,
      channel: 'web',
    });
  });
});

describe('<rd-station-map>: tile providers', () => {
  const table: [string | undefined, string | undefined, string | null, string | null][] = [
    // tiles, key, expected crs, URL fragment
    [undefined, undefined, null, null],
    ['none', undefined, null, null],
    ['tianditu', undefined, null, null], // no key: simple map
    ['tianditu', 'abc', 'wgs84', 'tianditu.gov.cn/vec_w/wmts?'],
    ['amap', undefined, 'gcj02', 'is.autonavi.com/appmaptile?'],
    ['osm', undefined, 'wgs84', 'tile.openstreetmap.org/{z}/{x}/{y}.png'],
    ['https://tiles.example.gov.cn/{z}/{x}/{y}.png', undefined, 'wgs84', 'tiles.example.gov.cn'],
    ['nonsense', undefined, null, null],
  ];
  for (const [tiles, key, crs, url] of table) {
    it(`${tiles ?? '(unset)'}${key ? ' with key' : ''}`, () => {
      const spec = resolveTiles(tiles, key);
      expect(spec?.crs ?? null).to.equal(crs);
      if (url) expect(spec!.url).to.contain(url);
    });
  }
  it('天地图 has a label overlay and the key in both URLs; a template can name its CRS', () => {
    const spec = resolveTiles('tianditu', 'k 1')!;
    expect(spec.url).to.contain('tk=k%201');
    expect(spec.overlay).to.contain('cva_w').and.contain('tk=k%201');
    expect(resolveTiles('https://x/{z}/{x}/{y}.png', undefined, 'gcj02')!.crs).to.equal('gcj02');
  });
});

describe('<rd-station-map>: map', () => {
  it('loads the map only when shown; tiles none draws the vector view with clusters', async () => {
    const el = await mount();
    const root = el.shadowRoot!;
    expect(root.querySelector('.leaflet-container')).to.equal(null);
    button(root, '显示地图').click();
    await until(() => el.mapMarkers, 8000, 'map');
    const m = el.mapMarkers!;
    expect(m.fallback).to.equal(true);
    expect(m.clusters + m.stations).to.be.greaterThan(0);
    expect(root.querySelector('#sm-map')?.getAttribute('aria-label')).to.equal('站点地图：显示 3 个站点的位置。列表中有相同的内容。');
    expect(root.textContent).to.contain('1 个站点没有地图位置');
    expect(root.textContent).to.contain('简图：县域轮廓和经纬网格');
    expect(root.adoptedStyleSheets.some((s) => [...s.cssRules].some((r) => r.cssText.includes('.leaflet-container')))).to.equal(true);
    expect(root.querySelector('.leaflet-overlay-pane path')).to.not.equal(null); // outline/grid
    await expect(el).to.be.accessible();
    button(root, '隐藏地图').click();
    await el.updateComplete;
    expect(root.querySelector('.leaflet-container')).to.equal(null);
  });

  it('falls back to the vector view when tiles fail, and the markers follow the filters', async () => {
    const el = await mount({ tiles: `${env().refused}/{z}/{x}/{y}.png`, mapOpen: true });
    const root = el.shadowRoot!;
    await until(() => el.mapMarkers?.fallback, 10000, 'fallback');
    await until(() => root.textContent?.includes('底图无法加载'));
    typeInto(root.querySelector<HTMLInputElement>('#sm-search')!, '南湖');
    await el.updateComplete;
    await until(() => el.mapMarkers && el.mapMarkers.clusters + el.mapMarkers.stations === 1);
    expect(el.mapMarkers).to.deep.include({ clusters: 0, stations: 1 });
  });

  it('opening a station from the list highlights its marker', async () => {
    const el = await mount({ mapOpen: true });
    const root = el.shadowRoot!;
    await until(() => el.mapMarkers);
    root.querySelector<HTMLButtonElement>('[data-station="st-c"]')!.click();
    await until(() => root.querySelector('.rd-pin.is-selected'));
    expect(root.querySelector('.rd-pin.is-selected')?.getAttribute('title')).to.equal('南湖镇人大代表联络站');
  });

  it('selecting a marker opens the station', async () => {
    const el = await mount({ mapOpen: true });
    const root = el.shadowRoot!;
    typeInto(root.querySelector<HTMLInputElement>('#sm-search')!, '后洼');
    await until(() => root.querySelector('.rd-pin'));
    (root.querySelector('.rd-pin') as HTMLElement).click();
    await until(() => root.querySelector('#sm-detail-title'));
    expect(root.querySelector('#sm-detail-title')?.textContent).to.equal('后洼村人大代表联络点');
  });
});

describe('<rd-station-map>: keyboard and location', () => {
  it('keyboard: list → detail → booking form, and back', async () => {
    const el = await mount();
    const root = el.shadowRoot!;
    root.querySelector<HTMLButtonElement>('[data-station="st-b"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => root.activeElement?.id === 'sm-detail-title');
    const book = button(root, '预约接访');
    book.focus();
    await sendKeys({ press: 'Enter' });
    const form = await until(() => root.querySelector('rd-appointment-form'));
    await until(() => form.shadowRoot?.activeElement?.getAttribute('type') === 'radio');
    expect(book.getAttribute('aria-expanded')).to.equal('true');
    button(root, '返回站点列表').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => root.activeElement?.getAttribute('data-station') === 'st-b');
  });

  it('"near me" uses the browser location (WGS-84) and sorts by distance', async () => {
    const geo = navigator.geolocation;
    const fake = {
      getCurrentPosition: (ok: PositionCallback) => ok({ coords: { longitude: 118.2845, latitude: 34.9442, accuracy: 10 } } as GeolocationPosition),
    };
    Object.defineProperty(navigator, 'geolocation', { value: fake, configurable: true });
    try {
      const el = await mount();
      button(el.shadowRoot!, '按离我的距离排序').click();
      await until(() => statusText(el)?.includes('按距离'));
      expect(items(el)[0]).to.equal('南湖镇人大代表联络站');
      expect(statusText(el)).to.contain('按与“您的位置”的距离排序');
    } finally {
      Object.defineProperty(navigator, 'geolocation', { value: geo, configurable: true });
    }
  });

  it('says so when the location is refused', async () => {
    const geo = navigator.geolocation;
    const fake = { getCurrentPosition: (_ok: PositionCallback, err: PositionErrorCallback) => err({ code: 1, message: 'denied' } as GeolocationPositionError) };
    Object.defineProperty(navigator, 'geolocation', { value: fake, configurable: true });
    try {
      const el = await mount();
      button(el.shadowRoot!, '按离我的距离排序').click();
      await until(() => el.shadowRoot!.querySelector('.sm__near [role="status"]')?.textContent?.includes('无法获取您的位置'));
    } finally {
      Object.defineProperty(navigator, 'geolocation', { value: geo, configurable: true });
    }
  });

  it('a geocode property resolves typed places', async () => {
    const el = await mount({ geocode: async (text: string) => (text === '县医院' ? { lng: 118.3, lat: 35.15, crs: 'wgs84' } : null) });
    const root = el.shadowRoot!;
    typeInto(byLabel(root, '或输入地点'), '县医院');
    button(root, '查找附近').click();
    await until(() => statusText(el)?.includes('县医院'));
    expect(items(el)[0]).to.equal('后洼村人大代表联络点');
  });
});

describe('<rd-station-map>: kiosk', () => {
  it('resets filters and detail after inactivity', async () => {
    const el = await fixture<RdStationMap>(html`<rd-station-map kiosk .data=${file} .now=${NOW}></rd-station-map>`);
    const root = el.shadowRoot!;
    typeInto(root.querySelector<HTMLInputElement>('#sm-search')!, '南湖');
    await el.updateComplete;
    root.querySelector<HTMLButtonElement>('[data-station="st-c"]')!.click();
    await el.updateComplete;
    await until(() => root.querySelector('#sm-detail-title'));
    (el as unknown as { kioskReset(): void }).kioskReset();
    await el.updateComplete;
    expect(root.querySelector('#sm-detail-title')).to.equal(null);
    expect(items(el).length).to.equal(4);
    expect(el.hasAttribute('data-rd-large')).to.equal(true);
  });
});

describe('<rd-station-map>: bookings waiting on this device', () => {
  it('a queued booking is sent once the map is on the page, also where the page\'s forms sent their waiting entries long before', async () => {
    const { enqueue } = await import('../../src/services/outbox.js');
    const { sendWaitingEntries } = await import('../../src/controllers/submit-controller.js');
    // A single-page site: a form sent the page's waiting entries a while ago.
    sendWaitingEntries(5000);
    await new Promise((r) => setTimeout(r, 2500));
    const run = uid('run');
    const key = crypto.randomUUID();
    await enqueue({
      key, owner: 'rd:rd-appointment-form:st-queued', url: chaosUrl('ok', run), headers: {}, credentials: 'omit', queuedAt: new Date().toISOString(), attempts: 1,
      body: { type: 'appointment', version: 1, id: key, data: { topic: '村道路灯损坏' } },
    });
    const el = await mount();
    try {
      const [req] = await until(async () => { const log = await chaosLog(run); return log.length ? log : undefined; }, 8000, 'the booking sent');
      expect(req.headers['idempotency-key']).to.equal(key);
    } finally {
      el.remove();
    }
  });
});
