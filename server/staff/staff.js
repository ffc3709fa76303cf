// The staff page's script (served by rd-receiver at /staff/staff.js; see ../lib/staff-page.mjs).
// Plain DOM, no framework; every value from the server is set with textContent.
const en = new URLSearchParams(location.search).get('lang') === 'en';
const T = {
  skip: 'Skip to main content', title: 'Comments and messages', 'login.title': 'Staff sign-in',
  'login.hint': "Enter the receiver's staff token (set or generated when rd-receiver started, kept in the staff-token file beside the database). It stays in this tab only and is gone when the tab closes.",
  'login.token': 'Staff token', 'login.submit': 'Sign in', 'filters.title': 'Filter', 'filters.type': 'Type',
  'filters.status': 'Status', 'filters.subject': 'Draft, deputy or survey id', 'filters.rated': 'Rating',
  'filters.apply': 'Apply', logout: 'Sign out', 'list.title': 'Submissions received', 'list.caption': 'Newest first',
  'col.receipt': 'Receipt', 'col.type': 'Type', 'col.status': 'Status', 'col.received': 'Received', 'col.excerpt': 'About',
  'col.rating': 'Rating', 'list.empty': 'Nothing matches.', 'list.more': 'Load more', 'detail.content': 'What was sent',
  'detail.history': 'Handling', 'detail.replies': 'Replies', 'detail.rating': "Citizen's rating", 'update.title': 'Update',
  'update.status': 'New status', 'update.note': 'Note to the citizen (optional, shown in the lookup)',
  'update.reply': 'Reply (required for "replied")', 'update.by': 'Answered by (optional)', 'update.submit': 'Save',
  'audit.title': 'Audit log', 'audit.hint': 'Every view, list, update and export is recorded and kept six months.',
  'audit.load': 'Show recent actions',
};
const STATUS = {
  received: ['已收到', 'Received'], forwarded: ['已转交承办单位', 'Forwarded'], 'in-progress': ['办理中', 'In progress'],
  replied: ['已答复', 'Replied'], adopted: ['已采纳', 'Adopted'], 'partly-adopted': ['部分采纳', 'Partly adopted'],
  'not-adopted': ['未采纳', 'Not adopted'], closed: ['已办结', 'Closed'],
};
const TYPES = {
  'legislation-feedback': ['立法意见', 'Draft comments'], 'deputy-message': ['代表留言', 'Deputy message'],
  appointment: ['接访预约', 'Appointment'], 'survey-response': ['测评答卷', 'Survey response'],
};
const RATING = { satisfied: ['满意', 'Satisfied'], 'basically-satisfied': ['基本满意', 'Basically satisfied'], dissatisfied: ['不满意', 'Dissatisfied'] };
const MSG = {
  all: ['全部', 'All'], yes: ['已评价', 'Rated'], no: ['未评价', 'Not rated'], none: ['尚未评价', 'Not rated yet'],
  noReply: ['尚未答复', 'No reply yet'], signedIn: ['已登录。', 'Signed in.'], badToken: ['凭据无效，请重新输入。', 'Invalid token. Enter it again.'],
  saved: ['已保存：{r} 现为“{s}”。', 'Saved: {r} is now "{s}".'], loading: ['正在加载…', 'Loading…'],
  failed: ['操作未完成：{m}', 'Not done: {m}'], offline: ['无法连接接收端，请检查网络后重试。', 'Cannot reach the receiver. Check the network and retry.'],
  receipt: ['编号', 'Receipt'], type: ['类型', 'Type'], status: ['状态', 'Status'], received: ['收到时间', 'Received'],
  subject: ['对象', 'About'], loaded: ['已加载 {n} 条。', '{n} loaded.'], open: ['查看 {r}', 'Open {r}'],
};
const L = en ? 1 : 0;
const say = (pair, vars = {}) => String(pair?.[L] ?? '').replace(/\{(\w+)\}/g, (_, k) => vars[k] ?? '');
const $ = (s) => document.querySelector(s);
const el = (tag, text, attrs = {}) => { const e = document.createElement(tag); if (text != null) e.textContent = String(text); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v); return e; };
const when = (iso) => { const d = new Date(iso); return Number.isNaN(+d) ? String(iso) : d.toLocaleString(en ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }); };

if (en) {
  document.documentElement.lang = 'en';
  document.title = 'rd-receiver staff page';
  for (const n of document.querySelectorAll('[data-t]')) if (T[n.dataset.t]) n.textContent = T[n.dataset.t];
  const lang = $('#lang'); lang.textContent = '中文'; lang.href = '?'; lang.lang = 'zh-CN';
}
const api = new URL('../api/', location.href);
const status = (text) => { $('#status').textContent = text; };
let token = sessionStorage.getItem('rd-staff-token') ?? '';
let next = null;

async function call(path, init = {}) {
  let res;
  try {
    res = await fetch(new URL(path, api), { ...init, headers: { Authorization: `Bearer ${token}`, ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...(init.headers ?? {}) } });
  } catch {
    throw new Error(say(MSG.offline));
  }
  const body = await res.json().catch(() => ({}));
  if (res.status === 401 || res.status === 403) { signOut(say(MSG.badToken)); throw new Error(say(MSG.badToken)); }
  if (!res.ok) throw Object.assign(new Error(body.errors?.map((e) => e.message).join('；') || body.message || `HTTP ${res.status}`), { body });
  return body;
}

function options(select, entries, withAll) {
  select.replaceChildren(...(withAll ? [el('option', say(MSG.all), { value: '' })] : []), ...entries.map(([v, label]) => el('option', label, { value: v })));
}
options($('#f-type'), Object.entries(TYPES).map(([k, v]) => [k, v[L]]), true);
options($('#f-status'), Object.entries(STATUS).map(([k, v]) => [k, v[L]]), true);
options($('#f-rated'), [['true', say(MSG.yes)], ['false', say(MSG.no)]], true);
options($('#u-status'), Object.entries(STATUS).filter(([k]) => k !== 'received').map(([k, v]) => [k, v[L]]), false);

function signOut(message = '') {
  token = '';
  sessionStorage.removeItem('rd-staff-token');
  $('#app').hidden = true;
  $('#login').hidden = false;
  status(message);
  $('#token').focus();
}

async function load(append = false) {
  const q = new URLSearchParams();
  for (const [k, v] of new FormData($('#filters'))) if (String(v).trim()) q.set(k, String(v).trim());
  if (append && next) q.set('before', next);
  status(say(MSG.loading));
  try {
    const r = await call(`staff/submissions?${q}`);
    next = r.next;
    const rows = r.items.map((it) => {
      const tr = el('tr');
      const open = el('button', it.receipt, { type: 'button', class: 'link', 'aria-label': say(MSG.open, { r: it.receipt }) });
      open.addEventListener('click', () => void show(it.receipt));
      const th = el('th', null, { scope: 'row' }); th.append(open);
      tr.append(th, el('td', say(TYPES[it.type]) || it.type), el('td', say(STATUS[it.status]) || it.status), el('td', when(it.receivedAt)),
        el('td', it.excerpt, { class: 'excerpt' }), el('td', it.rating ? say(RATING[it.rating]) : '—'));
      return tr;
    });
    if (append) $('#list tbody').append(...rows); else $('#list tbody').replaceChildren(...rows);
    $('#empty').hidden = $('#list tbody').children.length > 0;
    $('#more').hidden = !next;
    status(say(MSG.loaded, { n: $('#list tbody').children.length }));
  } catch (e) { status(say(MSG.failed, { m: e.message })); }
}

/** The submission's fields as label/value lines (nested objects flattened with dots). */
function flatten(v, prefix = '', out = []) {
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) flatten(x, prefix ? `${prefix}.${k}` : k, out);
  } else out.push([prefix, v == null ? '' : String(v)]);
  return out;
}

let current = null;
async function show(receipt) {
  try {
    const d = await call(`staff/receipts/${encodeURIComponent(receipt)}`);
    current = d;
    $('#detail').hidden = false;
    $('#detail-title').textContent = `${say(MSG.receipt)} ${d.receipt}`;
    const meta = [[MSG.type, say(TYPES[d.type]) || d.type], [MSG.status, say(STATUS[d.status]) || d.status], [MSG.received, when(d.receivedAt)], [MSG.subject, d.subjectId ?? '—']];
    $('#detail-meta').replaceChildren(...meta.flatMap(([k, v]) => [el('dt', say(k)), el('dd', v)]));
    const fields = flatten(d.submission?.data ?? {});
    $('#detail-content').replaceChildren(...fields.flatMap(([k, v]) => [el('dt', k), el('dd', v)]));
    $('#detail-history').replaceChildren(...d.history.map((h) => el('li', `${when(h.at)} ${say(STATUS[h.status]) || h.status}${h.note ? ` — ${h.note}` : ''}${h.actor ? ` (${h.actor})` : ''}`)));
    $('#detail-replies').replaceChildren(...(d.replies.length ? d.replies.map((r) => {
      const box = el('div', null, { class: 'reply' });
      box.append(el('p', `${when(r.at)}${r.by ? ` · ${r.by}` : ''}`), el('p', r.text));
      return box;
    }) : [el('p', say(MSG.noReply))]));
    $('#detail-rating').textContent = d.rating ? `${say(RATING[d.rating.rating])} · ${when(d.rating.at)}${d.rating.comment ? ` — ${d.rating.comment}` : ''}` : say(MSG.none);
    $('#update-error').hidden = true;
    if (d.status !== 'received') $('#u-status').value = d.status;
    $('#detail-title').focus();
  } catch (e) { status(say(MSG.failed, { m: e.message })); }
}

$('#login').addEventListener('submit', async (e) => {
  e.preventDefault();
  token = $('#token').value.trim();
  sessionStorage.setItem('rd-staff-token', token);
  await start();
});
$('#filters').addEventListener('submit', (e) => { e.preventDefault(); void load(); });
$('#more').addEventListener('click', () => void load(true));
$('#logout').addEventListener('click', () => signOut());
$('#status-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  if (!current) return;
  const f = new FormData(e.target);
  const body = { status: f.get('status') };
  for (const k of ['note', 'reply', 'replyBy']) if (String(f.get(k) ?? '').trim()) body[k] = String(f.get(k)).trim();
  const err = $('#update-error');
  try {
    const r = await call(`staff/receipts/${encodeURIComponent(current.receipt)}/status`, { method: 'POST', body: JSON.stringify(body) });
    err.hidden = true;
    e.target.reset();
    await load();
    await show(r.receipt);
    status(say(MSG.saved, { r: r.receipt, s: say(STATUS[r.status]) }));
  } catch (x) {
    err.textContent = say(MSG.failed, { m: x.message });
    err.hidden = false;
    err.focus?.();
  }
});
$('#audit-load').addEventListener('click', async () => {
  try {
    const r = await call('staff/audit');
    $('#audit').replaceChildren(...r.entries.slice(0, 100).map((a) => el('li', `${when(a.at)} ${a.actor} ${a.action} ${JSON.stringify(a.detail)}`)));
  } catch (e) { status(say(MSG.failed, { m: e.message })); }
});

async function start() {
  if (!token) return signOut();
  $('#login').hidden = true;
  $('#app').hidden = false;
  await load();
  if (token) { status(say(MSG.signedIn) + ' ' + $('#status').textContent); $('#main').focus(); }
}
void start();
