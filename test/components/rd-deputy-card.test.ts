import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/rd-deputy-card/rd-deputy-card.js';
import type { RdDeputyCard } from '../../src/components/rd-deputy-card/rd-deputy-card.js';
import type { Deputy } from '../../src/services/schemas/deputy.js';
import { CONTACT_KINDS, DEPUTY_LEVELS, DEPUTY_STATUSES, MESSAGE_CATEGORIES, SUGGESTION_STATUSES } from '../../src/services/schemas/deputy.js';
import { deputyCatalogues } from '../../src/components/rd-deputy-card/rd-deputy-card.component.js';
import { messageCatalogues } from '../../src/components/rd-deputy-card/deputy-message-part.js';
import { directoryCatalogues } from '../../src/components/rd-deputy-card/deputy-directory-view.js';
import { loadCatalogue, missingKeys, type Catalogues } from '../../src/services/i18n/index.js';
import { qrPath } from '../../src/services/qr.js';
import '../../src/components/rd-provider/rd-provider.js';
import { button, byLabel, chaosLog, chaosUrl, env, readDraft, readOutbox, typeInto, uid, until } from '../helpers/env.js';

const XSS = '<img src=x onerror=alert(1)> 简介<b>不应加粗</b>';

function deputy(over: Partial<Deputy> = {}): Deputy {
  return {
    id: uid('dep'),
    name: '林秀英',
    pinyin: 'lin xiu ying',
    level: 'county',
    term: { number: 18, fromYear: 2021, untilYear: 2026 },
    electedFrom: { kind: 'constituency', name: '东关街道第3选区' },
    deputyGroup: { id: 'grp-dongguan', name: '东关街道代表小组' },
    sectorGroups: [{ id: 'sg-law', name: '法制专业代表小组' }],
    stations: [{ id: 'st-dongguan', name: '东关街道人大代表联络站' }],
    occupation: '青禾正衡律师事务所律师',
    expertise: ['法律', '婚姻家庭'],
    services: [{ name: '法律援助', description: '接待日现场提供' }],
    pledges: ['每月至少进站接待选民一次。'],
    bio: XSS,
    status: { code: 'serving' },
    dutyRecord: {
      suggestions: [{ title: '关于改善东关路照明的建议', role: 'lead', status: 'completed', date: '2025-03-01' }],
      receptions: { count: 12, visitors: 40 },
      activities: 8,
      reports: [{ title: '2025年述职报告', date: '2025-12-10', url: 'https://rd.example.gov.cn/r/1' }],
    },
    points: { total: 86, year: 2025 },
    ...over,
  };
}

async function mount(d: unknown, attrs: Partial<RdDeputyCard> = {}): Promise<RdDeputyCard> {
  const el = document.createElement('rd-deputy-card');
  Object.assign(el, { data: d, ...attrs });
  const ready = new Promise((r) => el.addEventListener('rd-ready', r, { once: true }));
  const wrap = await fixture<HTMLDivElement>(html`<div lang="zh-CN"></div>`);
  wrap.append(el);
  await ready;
  await el.updateComplete;
  return el;
}
const root = (el: RdDeputyCard) => el.shadowRoot!;
/** Opens 写留言: the form arrives with its chunk and its heading takes the focus. */
async function openForm(el: RdDeputyCard) {
  button(root(el), '给代表留言').click();
  await el.updateComplete;
  await until(() => root(el).activeElement?.id === 'message-title', 8000, 'the message form, focused');
}
const text = (el: RdDeputyCard) => root(el).textContent!.replace(/\s+/g, ' ');

describe('rd-deputy-card: catalogues', () => {
  const sets: ReadonlyArray<Catalogues<string>> = [deputyCatalogues, messageCatalogues, directoryCatalogues];
  it('every key exists in zh-CN and en (the card\'s, the message form\'s, the directory\'s)', async () => {
    for (const set of sets) expect(await missingKeys(set)).to.deep.equal([]);
  });
  const dynamic = [
    ...DEPUTY_LEVELS.flatMap((l) => [`deputy.level.${l}`, `deputy.levelShort.${l}`]),
    ...DEPUTY_STATUSES.map((c) => `deputy.status.${c}`),
    ...SUGGESTION_STATUSES.map((c) => `deputy.duty.status.${c}`),
    ...MESSAGE_CATEGORIES.map((c) => `deputy.category.${c}`),
    ...CONTACT_KINDS.map((c) => `deputy.contactKind.${c}`),
  ];
  it('has a label for every code of the data and payload schemas', async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const catalogue = Object.assign({}, ...(await Promise.all(sets.map((set) => loadCatalogue(set, locale))))) as Record<string, string>;
      const missing = dynamic.filter((k) => !catalogue[k]);
      expect(missing, locale).to.deep.equal([]);
    }
  });
});

describe('rd-deputy-card: compact card', () => {
  it('shows name, level and station in reading order, and is accessible', async () => {
    const el = await mount(deputy());
    const t = text(el);
    const iName = t.indexOf('林秀英');
    const iLevel = t.indexOf('县（区）人大代表');
    const iStation = t.indexOf('东关街道人大代表联络站');
    expect(iName).to.be.greaterThan(-1);
    expect(iLevel).to.be.greaterThan(iName);
    expect(iStation).to.be.greaterThan(iLevel);
    expect(t).to.contain('第十八届（2021—2026年）');
    expect(t).to.contain('东关街道第3选区');
    expect(t).to.not.contain('简介');
    expect(root(el).querySelector('h2')!.textContent).to.equal('林秀英');
    await expect(el).to.be.accessible();
  });

  it('"查看详情" expands to the full profile and says so', async () => {
    const el = await mount(deputy());
    const b = button(root(el), '查看详情');
    expect(b.getAttribute('aria-expanded')).to.equal('false');
    b.click();
    await el.updateComplete;
    expect(button(root(el), '收起详情').getAttribute('aria-expanded')).to.equal('true');
    expect(text(el)).to.contain('亮承诺');
  });

  it('English catalogue', async () => {
    const d = deputy();
    const el = document.createElement('rd-deputy-card');
    el.data = d;
    el.setAttribute('lang', 'en');
    const ready = new Promise((r) => el.addEventListener('rd-ready', r, { once: true }));
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    await ready;
    await el.updateComplete;
    expect(text(el)).to.contain('County/district people’s congress deputy · Term 18 (2021–2026)');
    expect(text(el)).to.contain('Constituency');
  });
});

describe('rd-deputy-card: full profile', () => {
  it('renders bios, pledges and names as text, never as markup', async () => {
    const el = await mount(deputy({ name: '<i>王</i>伟', pledges: ['<script>alert(1)</script>承诺'] }), { view: 'full' });
    const r = root(el);
    expect(r.querySelector('img')).to.equal(null);
    expect(r.querySelector('b')).to.equal(null);
    expect(r.querySelector('i')).to.equal(null);
    expect(r.querySelector('script')).to.equal(null);
    expect(r.querySelector('.bio')!.textContent).to.equal(XSS);
    expect(r.querySelector('h2')!.textContent).to.equal('<i>王</i>伟');
    expect(text(el)).to.contain('<script>alert(1)</script>承诺');
  });

  it('shows identity, services, duty record, no points unless show-points, and no published contact by default', async () => {
    const el = await mount(deputy(), { view: 'full' });
    const t = text(el);
    for (const s of ['法制专业代表小组', '东关街道代表小组', '法律、婚姻家庭', '亮服务', '法律援助', '关于改善东关路照明的建议', '领衔', '已办结', '接待群众 12 次，共 40 人次', '参加履职活动 8 次', '2025年述职报告']) {
      expect(t).to.contain(s);
    }
    expect(t).to.not.contain('履职积分');
    expect(t).to.contain('本页不公开代表个人联系方式');
    const report = [...root(el).querySelectorAll('a')].find((a) => a.textContent === '2025年述职报告')!;
    expect(report.getAttribute('href')).to.equal('https://rd.example.gov.cn/r/1');
    await expect(el).to.be.accessible();
  });

  it('show-points shows duty points', async () => {
    const el = await mount(deputy(), { view: 'full', showPoints: true });
    expect(text(el)).to.contain('2025年度履职积分：86');
  });

  it('published contact channels: safe links only', async () => {
    const el = await mount(
      deputy({
        contact: [
          { kind: 'phone', label: '联络站电话', value: '0123-26001201' },
          { kind: 'web', value: 'javascript:alert(1)' },
          { kind: 'email', value: 'lz@example.gov.cn' },
        ],
      }),
      { view: 'full' },
    );
    const links = [...root(el).querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).to.include('tel:012326001201');
    expect(links).to.include('mailto:lz@example.gov.cn');
    expect(links.some((h) => h?.startsWith('javascript'))).to.equal(false);
    expect(text(el)).to.contain('javascript:alert(1)');
  });

  it('a deputy no longer in office shows the status and no contact forms', async () => {
    const el = await mount(deputy({ status: { code: 'resigned', date: '2026-05-12', note: '因工作调动辞去代表职务。' } }), { view: 'full' });
    const t = text(el);
    expect(t).to.contain('已辞职（2026年5月12日）');
    expect(t).to.contain('不再通过本页接收留言和预约');
    expect(t).to.contain('因工作调动辞去代表职务。');
    expect([...root(el).querySelectorAll('button')].some((b) => /留言|预约/.test(b.textContent!))).to.equal(false);
    expect(root(el).querySelector('form')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});

describe('rd-deputy-card: QR code', () => {
  it('draws the deputy page URL, id escaped, with a text alternative and an SVG download', async () => {
    const d = deputy({ id: 'dep 1/2' });
    const el = await mount(d, { view: 'full', urlPattern: 'https://rd.example.gov.cn/deputy/{id}' });
    const url = 'https://rd.example.gov.cn/deputy/dep%201%2F2';
    // The encoder is a chunk of its own, imported when a code is first shown.
    const svgEl = await until(() => root(el).querySelector('[part="qr"] svg'));
    expect(svgEl.getAttribute('role')).to.equal('img');
    expect(svgEl.getAttribute('aria-label')).to.contain(url);
    expect(svgEl.querySelector('path')!.getAttribute('d')).to.equal(qrPath(url).path);
    expect(text(el)).to.contain('扫码找代表');
    const a = root(el).querySelector<HTMLAnchorElement>('[part="qr"] a[download]')!;
    expect(a.href).to.match(/^blob:/);
    const svgText = await (await fetch(a.href)).text();
    expect(svgText).to.contain(`<title>扫码找代表：${d.name}</title>`);
    await expect(el).to.be.accessible();
  });

  it('view="qr" is a printable poster', async () => {
    const el = await mount(deputy(), { view: 'qr', urlPattern: '/deputy.html?id={id}' });
    await until(() => root(el).querySelector('.poster svg'));
    expect(text(el)).to.contain('扫码找代表');
    expect(root(el).querySelector('form')).to.equal(null);
  });

  it('no QR code without a usable pattern', async () => {
    const el = await mount(deputy(), { view: 'full', urlPattern: 'javascript:alert({id})' });
    expect(root(el).querySelector('[part="qr"]')).to.equal(null);
  });
});

describe('rd-deputy-card: data', () => {
  it('invalid data shows a localized alert naming the path', async () => {
    const el = document.createElement('rd-deputy-card');
    el.data = { ...deputy(), level: '县' };
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    await until(() => root(el).querySelector('[role="alert"]'));
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('level');
    await expect(el).to.be.accessible();
  });

  it('loads from src', async () => {
    const d = deputy();
    const src = URL.createObjectURL(new Blob([JSON.stringify(d)], { type: 'application/json' }));
    const el = await mount(undefined, { src });
    expect(root(el).querySelector('h2')!.textContent).to.equal(d.name);
  });
});

function manyDeputies(n: number): Deputy[] {
  const levels = ['national', 'provincial', 'municipal', 'county', 'township'] as const;
  const sur = ['张', '王', '李', '赵', '陈'];
  const surPy = ['zhang', 'wang', 'li', 'zhao', 'chen'];
  return Array.from({ length: n }, (_, i) => ({
    id: `d-${i}`,
    name: `${sur[i % 5]}${['伟', '芳', '强'][i % 3]}${i}`,
    pinyin: `${surPy[i % 5]} ${['wei', 'fang', 'qiang'][i % 3]}`,
    level: levels[i % 5]!,
    term: { number: 18 },
    stations: [{ id: `st-${i % 10}`, name: `第${i % 10}联络站` }],
    deputyGroup: { id: `g-${i % 7}`, name: `第${i % 7}代表小组` },
    status: i === 3 ? { code: 'resigned' as const, date: '2026-01-01' } : { code: 'serving' as const },
  }));
}

describe('rd-deputy-card: directory', () => {
  it('lists 1,000 deputies a page at a time, searches, filters, opens a profile and comes back', async () => {
    const el = await mount({ deputies: manyDeputies(1000) }, { directory: true });
    const r = root(el);
    expect(r.querySelectorAll('[part="entry"]').length).to.equal(50);
    expect(r.querySelector('.count')!.textContent).to.contain('共 1000 位代表');
    expect(text(el)).to.contain('显示更多（还有 950 位）');
    await expect(el).to.be.accessible();

    typeInto(byLabel(r, '搜索代表'), 'zw');
    await el.updateComplete;
    // initials zw: 张伟 (i % 5 == 0, i % 3 == 0) and 赵伟 (i % 5 == 3, i % 3 == 0) → 67 + 67
    expect(r.querySelector('.count')!.textContent).to.contain('找到 134 位代表（共 1000 位）');
    expect(r.querySelector('[part="entry"] .entry-name')!.textContent).to.equal('张伟0');

    const level = byLabel<HTMLSelectElement>(r, '代表层级');
    level.value = 'national';
    level.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(r.querySelector('.count')!.textContent).to.contain('找到 67 位');

    button(r, '清除筛选').click();
    await el.updateComplete;
    const station = byLabel<HTMLSelectElement>(r, '联络站');
    station.value = 'st-3';
    station.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(r.querySelector('.count')!.textContent).to.contain('找到 100 位');
    expect(r.querySelector('.entry-former')!.textContent).to.equal('已辞职');

    const opened = new Promise<CustomEvent>((res) => el.addEventListener('rd-deputy-open', (e) => res(e as unknown as CustomEvent), { once: true }));
    (r.querySelector('[data-entry="d-13"]') as HTMLButtonElement).click();
    expect((await opened).detail).to.deep.equal({ id: 'd-13' });
    await el.updateComplete;
    expect(r.activeElement?.textContent).to.equal('赵芳13');
    expect(text(el)).to.contain('给代表留言');
    await expect(el).to.be.accessible();

    button(r, '返回代表名录').click();
    await until(() => r.activeElement?.getAttribute('data-entry') === 'd-13');
    expect(r.querySelector('.count')!.textContent).to.contain('找到 100 位');
  });

  it('"show more" adds a page and moves focus to the first new entry', async () => {
    const el = await mount({ deputies: manyDeputies(120) }, { directory: true });
    button(root(el), '显示更多').click();
    await until(() => root(el).activeElement?.getAttribute('data-entry') === 'd-50');
    expect(root(el).querySelectorAll('[part="entry"]').length).to.equal(100);
  });

  it('a directory page with another page\'s submission queued fetches its message half at load (the code that sends orphans)', async () => {
    const key = crypto.randomUUID();
    const { enqueue, removeFromOutbox } = await import('../../src/services/outbox.js');
    // Kept unsendable (a transport-only entry waits for a transport): this test looks at the load only.
    await enqueue({ key, owner: `rd:rd-legislation-feedback:${uid('other')}`, url: '/legislation-feedback', body: { type: 'legislation-feedback', version: 1, id: key, data: { text: '另一页暂存的意见' } }, headers: {}, credentials: 'omit', queuedAt: new Date().toISOString(), attempts: 1, viaTransport: true });
    try {
      const el = await mount({ deputies: manyDeputies(10) }, { directory: true });
      const half = (el as unknown as { messagePart: { state: string } }).messagePart;
      await until(() => half.state === 'ready', 8000, 'the message half, for the queued entry');
    } finally {
      await removeFromOutbox(key);
    }
  });

  it('says so when nothing matches', async () => {
    const el = await mount({ deputies: manyDeputies(10) }, { directory: true });
    typeInto(byLabel(root(el), '搜索代表'), '不存在的名字');
    await el.updateComplete;
    expect(text(el)).to.contain('没有找到符合条件的代表');
  });
});

describe('rd-deputy-card: message form', () => {

  it('shows errors in a focused summary and at the fields, accessible', async () => {
    const el = await mount(deputy(), { view: 'full', drafts: 'off' });
    await openForm(el);
    await expect(el).to.be.accessible();
    button(root(el), '提交留言').click();
    await until(() => root(el).activeElement?.hasAttribute('data-rd-error-summary'));
    const summary = [...root(el).querySelectorAll('[data-rd-error-summary] li')].map((li) => li.textContent!.trim());
    expect(summary, 'in form order').to.deep.equal(['请填写留言主题', '请选择留言类别', '请填写留言内容', '请阅读并同意个人信息处理说明']);
    expect(byLabel(root(el), '留言主题').getAttribute('aria-invalid')).to.equal('true');
    expect(byLabel(root(el), '留言主题').getAttribute('aria-describedby')).to.contain('f-subject-error');
    await expect(el).to.be.accessible();

    // Wanting a reply makes a phone number or e-mail necessary.
    byLabel(root(el), '需要代表答复我').click();
    await el.updateComplete;
    expect(text(el)).to.contain('需要答复时，请填写手机号码或电子邮箱');
    typeInto(byLabel(root(el), '手机或固定电话'), 'abc');
    await el.updateComplete;
    expect(text(el)).to.contain('请输入有效的手机或固定电话号码');
    // The summary link focuses the field.
    const link = [...root(el).querySelectorAll<HTMLAnchorElement>('[data-rd-error-summary] a')].find((a) => a.textContent!.includes('留言主题'))!;
    link.click();
    expect(root(el).activeElement?.id).to.equal('f-subject');
  });

  it('sends the exact envelope and headers, shows the receipt with the reply window, and fires rd-submitted', async () => {
    const run = uid('run');
    const d = deputy();
    const el = await mount(d, { view: 'full', submitUrl: chaosUrl('ok', run), replyWindow: '一个月内', privacyVersion: 'v2', drafts: 'off' });
    await openForm(el);
    const r = root(el);
    typeInto(byLabel(r, '留言主题'), '  东关路路灯不亮 ');
    const cat = byLabel<HTMLSelectElement>(r, '留言类别');
    cat.value = 'urban-rural';
    cat.dispatchEvent(new Event('change'));
    typeInto(byLabel<HTMLTextAreaElement>(r, '留言内容'), '东关路北段路灯已坏两周，<b>夜间</b>出行不便。');
    byLabel(r, '需要代表答复我').click();
    await el.updateComplete;
    typeInto(byLabel(r, '称呼'), '王女士');
    typeInto(byLabel(r, '手机或固定电话'), '13800138000');
    byLabel(r, '同意公开我的留言').click();
    byLabel(r, '我已阅读并同意').click();
    await el.updateComplete;
    const submitted = new Promise<CustomEvent>((res) => el.addEventListener('rd-submitted', (e) => res(e as unknown as CustomEvent), { once: true }));
    button(r, '提交留言').click();
    const ev = await submitted;
    await until(() => r.activeElement?.hasAttribute('data-rd-receipt'));

    const [req] = await chaosLog(run);
    expect(req!.method).to.equal('POST');
    expect(req!.headers['content-type']).to.contain('application/json');
    const body = JSON.parse(req!.body);
    expect(req!.headers['idempotency-key']).to.equal(body.id);
    expect(body).to.include({ type: 'deputy-message', version: 1, locale: 'zh-CN' });
    expect(body.source.url).to.equal(location.href);
    expect(body.data.consent.version).to.equal('v2');
    expect(Date.parse(body.data.consent.at)).to.be.closeTo(Date.now(), 60_000);
    delete body.data.consent.at;
    expect(body.data).to.deep.equal({
      deputyId: d.id,
      stationId: 'st-dongguan',
      subject: '东关路路灯不亮',
      text: '东关路北段路灯已坏两周，<b>夜间</b>出行不便。',
      category: 'urban-rural',
      wantsReply: true,
      contact: { name: '王女士', phone: '13800138000' },
      publish: true,
      channel: 'web',
      consent: { version: 'v2' },
    });
    expect(ev.detail.receipt).to.match(/^FK-2026-\d+$/);
    expect(ev.detail.payload.id).to.equal(body.id);

    const t = text(el);
    expect(t).to.contain('留言已提交');
    expect(t).to.contain(ev.detail.receipt);
    expect(t).to.contain('我们将在一个月内答复。');
    expect(t).to.contain('城乡建设');
    expect(r.querySelector('[data-rd-receipt] b')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('is accessible while submitting, with the button disabled', async () => {
    const run = uid('run');
    const el = await mount(deputy(), { view: 'full', submitUrl: `${chaosUrl('slow', run)}?ms=800`, drafts: 'off' });
    await openForm(el);
    const r = root(el);
    typeInto(byLabel(r, '留言主题'), '主题');
    const cat = byLabel<HTMLSelectElement>(r, '留言类别');
    cat.value = 'other';
    cat.dispatchEvent(new Event('change'));
    typeInto(byLabel<HTMLTextAreaElement>(r, '留言内容'), '内容');
    byLabel(r, '我已阅读并同意').click();
    await el.updateComplete;
    button(r, '提交留言').click();
    await until(() => r.querySelector('[part="submit-button"][disabled]'));
    expect(text(el)).to.contain('正在提交');
    await expect(el).to.be.accessible();
    await until(() => r.querySelector('[data-rd-receipt]'));
  });

  it('keeps a draft without contact details and restores it with a notice', async () => {
    const d = deputy();
    const el = await mount(d, { view: 'full' });
    await openForm(el);
    const r = root(el);
    typeInto(byLabel(r, '留言主题'), '草稿主题');
    byLabel(r, '需要代表答复我').click();
    await el.updateComplete;
    typeInto(byLabel(r, '手机或固定电话'), '13800138000');
    const key = `rd:rd-deputy-card:${d.id}`;
    const saved = await until(async () => {
      const rec = (await readDraft(key)) as { value: Record<string, unknown> } | undefined;
      return rec?.value?.wantsReply ? rec : undefined;
    });
    expect(saved.value.subject).to.equal('草稿主题');
    expect(saved.value).to.not.have.property('phone');
    expect(saved.value.consent).to.equal(false);

    el.remove();
    const again = await mount(d, { view: 'full' });
    await until(() => text(again).includes('已恢复您上次未提交的内容'));
    expect(byLabel(root(again), '留言主题').value).to.equal('草稿主题');
    expect(byLabel(root(again), '手机或固定电话').value).to.equal('');
    await expect(again).to.be.accessible();
  });
});

describe('rd-deputy-card: next reception and booking', () => {
  // 2026-11-25 10:00 in Beijing.
  const now = Date.parse('2026-11-25T02:00:00Z');
  const schedule = {
    rules: [
      { id: 'monthly', kind: 'monthly' as const, days: [10], times: [{ start: '09:00', end: '11:30' }], onHoliday: 'next-workday' as const },
      { id: 'others', kind: 'weekly' as const, weekdays: [5], times: [{ start: '14:30', end: '17:00' }], deputyIds: ['someone-else'] },
    ],
    extra: [{ id: 'market', date: '2026-12-20', start: '08:00', end: '11:00', topic: '代表大集', place: { name: '白石镇农贸市场' } }],
  };

  it('shows the next session of the deputy (not sessions of other deputies) with its place, in the citizen’s locale', async () => {
    const el = await mount(deputy({ receptionSchedule: schedule }), { now });
    const next = root(el).querySelector('[part="next-reception"]')!.textContent!.replace(/\s+/g, ' ');
    expect(next).to.contain('下次接待');
    expect(next).to.contain('12月10日（周四）9:00–11:30');
    expect(next).to.contain('东关街道人大代表联络站');
    expect(next).to.not.contain('14:30');
    await expect(el).to.be.accessible();
  });

  it('the full profile lists later sessions (with their own place) and the rules', async () => {
    const el = await mount(deputy({ receptionSchedule: schedule }), { now, view: 'full' });
    const next = root(el).querySelector('[part="next-reception"]')!.textContent!.replace(/\s+/g, ' ');
    expect(next).to.contain('近期接待');
    expect(next).to.contain('12月20日（周日）8:00–11:00 · 代表大集 · 白石镇农贸市场');
    // Another year (so with the year), whose holidays the bundled calendar does not know yet: tentative.
    expect(next).to.contain('2027年1月10日（周日）9:00–11:30 · 东关街道人大代表联络站 （节假日安排未公布，以联络站通知为准）');
    expect(next).to.contain('接待安排');
  });

  it('English dates', async () => {
    const el = document.createElement('rd-deputy-card');
    Object.assign(el, { data: deputy({ receptionSchedule: schedule }), now });
    el.setAttribute('lang', 'en');
    const ready = new Promise((r) => el.addEventListener('rd-ready', r, { once: true }));
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    await ready;
    await el.updateComplete;
    expect(root(el).querySelector('[part="next-reception"]')!.textContent).to.contain('Thu 10 Dec, 9:00–11:30');
  });

  it('books one of the next sessions through the shared appointment form', async () => {
    const run = uid('run');
    const d = deputy({ receptionSchedule: schedule });
    const el = await mount(d, { now, view: 'full', bookingUrl: chaosUrl('ok', run), drafts: 'off' });
    button(root(el), '预约接访').click();
    // The booking form is its own chunk, imported when first opened.
    await until(() => !!root(el).querySelector('rd-appointment-form')?.shadowRoot);
    const form = root(el).querySelector('rd-appointment-form')!;
    await form.updateComplete;
    const fr = form.shadowRoot!;
    await until(() => fr.activeElement?.getAttribute('type') === 'radio');
    expect(button(root(el), '预约接访').getAttribute('aria-expanded')).to.equal('true');
    const firstSlot = fr.querySelector<HTMLInputElement>('input[type="radio"]')!;
    expect(firstSlot.closest('label')!.textContent).to.contain('12月10日');
    firstSlot.click();
    typeInto(byLabel<HTMLTextAreaElement>(fr, '要反映的事项'), '小区停车难');
    typeInto(byLabel(fr, '姓名'), '赵先生');
    typeInto(byLabel(fr, '联系电话'), '13900139000');
    byLabel(fr, '我已阅读并同意').click();
    await form.updateComplete;
    const submitted = new Promise<Event>((res) => el.addEventListener('rd-submitted', res, { once: true }));
    button(fr, '提交预约').click();
    await submitted;
    const [req] = await chaosLog(run);
    const body = JSON.parse(req!.body);
    expect(body.type).to.equal('appointment');
    expect(body.data).to.deep.include({ deputyId: d.id, stationId: 'st-dongguan', topic: '小区停车难', people: 1, channel: 'web' });
    expect(body.data.slot).to.deep.equal({ kind: 'session', start: '2026-12-10T09:00:00+08:00', end: '2026-12-10T11:30:00+08:00', ruleId: 'monthly' });
    await until(() => fr.querySelector('[data-rd-receipt]'));
  });

  it('no next reception and no booking for a deputy no longer in office', async () => {
    const el = await mount(deputy({ receptionSchedule: schedule, status: { code: 'removed', date: '2026-02-01' } }), { now, view: 'full' });
    expect(root(el).querySelector('[part="next-reception"]')).to.equal(null);
    expect(root(el).querySelector('rd-appointment-form')).to.equal(null);
    expect(text(el)).to.contain('已罢免');
  });
});

describe('rd-deputy-card: a queued message on page load', () => {
  it('is resent once: one rd-submit, one request', async () => {
    const { enqueue } = await import('../../src/services/outbox.js');
    const id = uid('dep');
    const run = uid('run');
    const key = crypto.randomUUID();
    await enqueue({ key, owner: `rd:rd-deputy-card:${id}`, url: chaosUrl('503', run), body: { type: 'deputy-message', version: 1, id: key, data: {} }, headers: {}, credentials: 'omit', queuedAt: new Date().toISOString(), attempts: 3 });
    let submits = 0;
    const el = document.createElement('rd-deputy-card') as RdDeputyCard;
    el.addEventListener('rd-submit', () => submits++);
    el.data = deputy({ id });
    document.body.append(el);
    try {
      await until(async () => (await chaosLog(run)).length >= 1);
      await new Promise((r) => setTimeout(r, 1500));
      expect({ submits, requests: (await chaosLog(run)).length }).to.deep.equal({ submits: 1, requests: 1 });
    } finally {
      el.remove();
    }
  });
});

describe('rd-deputy-card: the same deputy set again', () => {
  it('a framework setting `data` again (drafts off) keeps the open message form and what was typed', async () => {
    const d = deputy({ id: uid('dep') });
    const el = await mount(d, { view: 'full', drafts: 'off' } as Partial<RdDeputyCard>);
    await openForm(el);
    typeInto(byLabel(root(el), '留言主题'), '路灯');
    el.data = structuredClone(d);
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    expect(byLabel<HTMLInputElement>(root(el), '留言主题').value).to.equal('路灯');
    el.data = deputy({ id: uid('dep'), name: '另一位代表' });
    await until(() => !root(el).querySelector('input') || !text(el).includes('留言主题'), 3000, 'form closed for another deputy');
  });
});

describe('rd-deputy-card: end to end with the reference receiver and failures', () => {
  async function fillMessage(el: RdDeputyCard) {
    await openForm(el);
    const r = root(el);
    typeInto(byLabel(r, '留言主题'), '村口排水沟堵塞');
    const cat = byLabel<HTMLSelectElement>(r, '留言类别');
    cat.value = 'livelihood';
    cat.dispatchEvent(new Event('change'));
    typeInto(byLabel<HTMLTextAreaElement>(r, '留言内容'), '下雨天积水严重，请帮助协调疏通。');
    byLabel(r, '我已阅读并同意').click();
    await el.updateComplete;
  }

  it('loads a demo deputy through <rd-provider> and the receiver answers the message with an LY receipt', async function () {
    if (!env().receiver) this.skip();
    const wrap = await fixture<HTMLElement>(html`<rd-provider endpoint=${`${env().receiver}/api`} drafts="off" reply-window="一个月内" lookup-url="/portal/lookup.html?lang=zh">
      <rd-deputy-card deputy-id="dep-046" view="full"></rd-deputy-card>
    </rd-provider>`);
    const el = wrap.querySelector('rd-deputy-card')!;
    await until(() => root(el).querySelector('h2')?.textContent);
    expect(root(el).querySelector('h2')!.textContent).to.equal('王东辉');
    expect(text(el)).to.contain('东关街道人大代表联络站电话');
    await fillMessage(el);
    button(root(el), '提交留言').click();
    await until(() => root(el).querySelector('[data-rd-receipt]'));
    const receipt = root(el).querySelector('.rd-receipt__number')!.textContent!;
    expect(receipt).to.match(/^LY-\d{4}-\d+$/);
    expect(text(el)).to.contain('我们将在一个月内答复。');
    // Closing the loop: the lookup code beside the receipt, a copy button, a link to the portal's lookup page.
    const code = root(el).querySelector('[data-rd-lookup-code]')!.textContent!;
    expect(code).to.match(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(text(el)).to.contain('请保存编号和查询码');
    const link = root(el).querySelector<HTMLAnchorElement>('a[part="lookup-link"]')!;
    expect(link.textContent).to.equal('查询办理情况');
    const u = new URL(link.href);
    expect([u.pathname, u.searchParams.get('lang'), u.searchParams.get('receipt'), u.searchParams.get('code')]).to.deep.equal(['/portal/lookup.html', 'zh', receipt, code]);
    // 复制: the clipboard holds both (or the citizen is told to write them down).
    let copied = '';
    const orig = navigator.clipboard.writeText;
    navigator.clipboard.writeText = async (t: string) => { copied = t; };
    try {
      button(root(el), '复制编号和查询码').click();
      await until(() => root(el).querySelector('.rd-copy-status')?.textContent);
      expect(copied).to.equal(`编号：${receipt} 查询码：${code}`);
      expect(root(el).querySelector('.rd-copy-status')!.textContent).to.equal('已复制。');
      navigator.clipboard.writeText = async () => { throw new Error('denied'); };
      const origExec = document.execCommand;
      document.execCommand = () => false;
      try {
        button(root(el), '复制编号和查询码').click();
        await until(() => root(el).querySelector('.rd-copy-status')?.textContent?.includes('手动'));
      } finally { document.execCommand = origExec; }
    } finally { navigator.clipboard.writeText = orig; }
    // The device's list of receipts has it: title, receipt, code — not what was written.
    const { receiptBook } = await import('../../src/services/receipt-book.js');
    const entry = await until(async () => (await receiptBook().list()).find((r) => r.receipt === receipt));
    expect(entry).to.include({ receipt, lookupCode: code, type: 'deputy-message', title: '给王东辉代表的留言' });
    expect(JSON.stringify(entry)).not.to.contain('排水沟');
    await expect(el).to.be.accessible();
  });

  it('the directory loads from the receiver: 300 deputies of five levels', async function () {
    if (!env().receiver) this.skip();
    const el = document.createElement('rd-deputy-card');
    el.endpoint = `${env().receiver}/api`;
    el.directory = true;
    const ready = new Promise((r) => el.addEventListener('rd-ready', r, { once: true }));
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    await ready;
    await el.updateComplete;
    expect(root(el).querySelector('.count')!.textContent).to.contain('共 300 位代表');
    expect(byLabel<HTMLSelectElement>(root(el), '代表层级').options.length).to.equal(6);
  });

  it('when the network fails, the message waits in the outbox and the citizen is told', async () => {
    const d = deputy();
    const el = await mount(d, { view: 'full', submitUrl: `${env().refused}/deputy-messages`, drafts: 'off' });
    await fillMessage(el);
    const queued = new Promise<Event>((res) => el.addEventListener('rd-queued', res, { once: true }));
    button(root(el), '提交留言').click();
    const ev = (await queued) as unknown as CustomEvent<{ idempotencyKey: string }>;
    await el.updateComplete;
    expect(text(el)).to.contain('已保存在本设备上');
    const entries = (await readOutbox()) as Array<{ key: string; owner: string; body: { data: { subject: string } } }>;
    const mine = entries.find((e) => e.key === ev.detail.idempotencyKey)!;
    expect(mine.owner).to.equal(`rd:rd-deputy-card:${d.id}`);
    expect(mine.body.data.subject).to.equal('村口排水沟堵塞');
    await expect(el).to.be.accessible();
  });
});

describe('rd-deputy-card: published messages and the reply rate', () => {
  it('shows answered messages (as text), the rate within the promised window, the rest folded', async () => {
    const reply = { text: '已协调<b>城管</b>疏通。', at: '2026-11-20T10:00:00+08:00', by: '王东辉代表' };
    const messages = Array.from({ length: 7 }, (_, i) => ({ subject: `排水沟 ${i + 1}`, text: `<img src=x>积水 ${i + 1}`, askedAt: '2026-11-01T09:00:00+08:00', reply }));
    const el = await mount(deputy({ messages, replyRate: { withinDays: 30, due: 8, replied: 6, asOf: '2026-12-01T00:00:00+08:00' } }), { view: 'full' });
    const section = root(el).querySelector('[part="messages"]')!;
    const said = section.textContent!.replace(/\s+/g, ' ');
    expect(said).to.contain('群众留言与答复');
    expect(said).to.contain('30 天内答复率：75%（应答复 8 条，按时答复 6 条）');
    expect(section.querySelectorAll(':scope > ul > li')).to.have.length(5);
    expect(section.querySelector('details summary')!.textContent).to.contain('更多留言（2 条）');
    expect(section.querySelector('.message-text')!.textContent).to.equal('<img src=x>积水 1');
    expect(section.querySelector('img, b')).to.equal(null);
    expect(said).to.contain('王东辉代表');
    await expect(el).to.be.accessible();
  });
  it('a rate with nothing due yet says so; no messages and no rate: no section', async () => {
    const el = await mount(deputy({ replyRate: { withinDays: 30, due: 0, replied: 0, asOf: '2026-12-01T00:00:00+08:00' } }), { view: 'full' });
    expect(root(el).querySelector('[part="messages"]')!.textContent).to.contain('尚无到期应答复的留言');
    const none = await mount(deputy(), { view: 'full' });
    expect(root(none).querySelector('[part="messages"]')).to.equal(null);
  });
});

describe('rd-deputy-card: configuration', () => {
  it('integrator categories and channel="qr" reach the payload', async () => {
    const run = uid('run');
    const el = await mount(deputy(), {
      view: 'full', submitUrl: chaosUrl('ok', run), drafts: 'off', channel: 'qr',
      categories: [{ value: 'road-safety', label: '道路安全' }, { value: 'other', label: '其他事项' }],
    });
    await openForm(el);
    const r = root(el);
    const cat = byLabel<HTMLSelectElement>(r, '留言类别');
    expect([...cat.options].map((o) => o.textContent)).to.deep.equal(['请选择类别', '道路安全', '其他事项']);
    cat.value = 'road-safety';
    cat.dispatchEvent(new Event('change'));
    typeInto(byLabel(r, '留言主题'), '学校门口缺少斑马线');
    typeInto(byLabel<HTMLTextAreaElement>(r, '留言内容'), '上下学时段车流大。');
    byLabel(r, '我已阅读并同意').click();
    await el.updateComplete;
    button(r, '提交留言').click();
    await until(() => r.querySelector('[data-rd-receipt]'));
    const body = JSON.parse((await chaosLog(run))[0]!.body);
    expect(body.data.category).to.equal('road-safety');
    expect(body.data.channel).to.equal('qr');
    expect(text(el)).to.contain('道路安全');
  });

  it('kiosk: large text, and the directory clears itself after inactivity (search, open profile)', async () => {
    const el = await mount({ deputies: manyDeputies(30) }, { directory: true, kiosk: true });
    expect(el.hasAttribute('data-rd-large')).to.equal(true);
    typeInto(byLabel(root(el), '搜索代表'), 'zhang');
    await el.updateComplete;
    (root(el).querySelector('[part="entry"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(text(el)).to.contain('返回代表名录');
    (el as unknown as { kioskReset(): void }).kioskReset();
    await el.updateComplete;
    expect(byLabel(root(el), '搜索代表').value).to.equal('');
    expect(root(el).querySelector('.count')!.textContent).to.contain('共 30 位代表');
  });
});
