// The element reference (demo/elements.html), built in the browser from dist/custom-elements.json:
// every element the manifest declares gets its tables and a live example, so a new element appears
// here without editing this page (README "Frameworks and editors"). Only the examples' markup is
// written here; an element without one is shown with its tag alone.
const EXAMPLES = {
  'rd-provider': '<rd-provider endpoint="/api" drafts="off" reply-window="一个月内">\n  <rd-deputy-card deputy-id="dep-001"></rd-deputy-card>\n</rd-provider>',
  'rd-legislation-feedback': '<rd-legislation-feedback endpoint="/api" draft-id="2026-yq-01" deep-link="off">\n  <a href="/api/drafts/2026-yq-01">草案全文（JSON）</a>\n</rd-legislation-feedback>',
  'rd-deputy-card': '<rd-deputy-card endpoint="/api" deputy-id="dep-046" reply-window="一个月内"></rd-deputy-card>',
  'rd-satisfaction-survey': '<rd-satisfaction-survey endpoint="/api" survey-id="2027-mssx-zj"></rd-satisfaction-survey>',
  'rd-station-map': '<rd-station-map endpoint="/api" tiles="none"></rd-station-map>',
  'rd-appointment-form': '<rd-appointment-form endpoint="/api" station-id="st-center" place-name="青禾县人大代表联络总站" drafts="off"></rd-appointment-form>',
  'rd-receipt-lookup': '<rd-receipt-lookup endpoint="/api" hide-device-list></rd-receipt-lookup>',
};

const L = {
  attributes: ['HTML 属性', 'Attributes'],
  properties: ['仅可用 JavaScript 设置的属性', 'Properties (JavaScript only)'],
  events: ['事件', 'Events'],
  parts: ['样式部件 ::part()', 'CSS parts'],
  tokens: ['样式变量', 'CSS custom properties'],
  slots: ['插槽', 'Slots'],
  example: ['示例', 'Live example'],
  name: ['名称', 'Name'],
  type: ['类型', 'Type'],
  def: ['默认值', 'Default'],
  detail: ['detail 类型', 'Detail type'],
  desc: ['说明', 'Description'],
  none: ['无', 'None'],
  defaultSlot: ['（默认插槽）', '(default slot)'],
};

/** A label: Chinese, then the English in a lang="en" span. */
function label(parent, [zh, en]) {
  parent.append(`${zh} `);
  const span = document.createElement('span');
  span.lang = 'en';
  span.textContent = en;
  parent.append(span);
  return parent;
}

function el(tag, text, attrs = {}) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}
const code = (text) => el('code', text);

/** One table: caption, header row, one row per item (cells: strings shown as code or text). */
function table(id, caption, head, rows) {
  const wrap = el('div', undefined, { class: 'ref-table-wrap' });
  const t = el('table', undefined, { class: 'ref-table', 'data-ref': id });
  label(t.createCaption(), caption);
  const tr = t.createTHead().insertRow();
  for (const h of head) label(tr.appendChild(el('th', undefined, { scope: 'col' })), h);
  const body = t.createTBody();
  if (!rows.length) {
    const td = body.insertRow().insertCell();
    td.colSpan = head.length;
    td.className = 'ref-none';
    label(td, L.none);
  }
  for (const cells of rows) {
    const r = body.insertRow();
    cells.forEach((c, i) => {
      const cell = i === 0 ? r.appendChild(el('th', undefined, { scope: 'row' })) : r.insertCell();
      if (c && typeof c === 'object') cell.append(c);
      else if (i < head.length - 1 && c) cell.append(code(c));
      else cell.textContent = c ?? '';
    });
  }
  wrap.append(t);
  return wrap;
}

function section(decl) {
  const tag = decl.tagName;
  const s = el('section', undefined, { class: 'demo', id: tag, 'aria-labelledby': `${tag}-h` });
  const h = el('h2', undefined, { id: `${tag}-h` });
  h.append(code(`<${tag}>`));
  s.append(h, el('p', decl.summary ?? decl.description ?? '', { class: 'how' }));

  const attrs = (decl.attributes ?? []).filter((a) => a.name);
  const withAttr = new Set(attrs.map((a) => a.fieldName));
  const props = (decl.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.privacy && !m.readonly && m.type?.text && !withAttr.has(m.name));
  s.append(
    table('attributes', L.attributes, [L.name, L.type, L.def, L.desc], attrs.map((a) => [a.name, a.type?.text, a.default ?? '', a.description ?? ''])),
    table('properties', L.properties, [L.name, L.type, L.desc], props.map((p) => [p.name, p.type.text, p.description ?? ''])),
    table('events', L.events, [L.name, L.detail, L.desc], (decl.events ?? []).map((e) => [e.name, e.detail?.text ?? '', `${e.description ?? ''}${e.cancelable ? ' (cancelable)' : ''}`])),
    table('parts', L.parts, [L.name, L.desc], (decl.cssParts ?? []).map((p) => [p.name, p.description ?? ''])),
    table('tokens', L.tokens, [L.name, L.desc], (decl.cssProperties ?? []).map((p) => [p.name, p.description ?? ''])),
    table('slots', L.slots, [L.name, L.desc], (decl.slots ?? []).map((x) => [x.name || label(document.createElement('span'), L.defaultSlot), x.description ?? ''])),
  );

  const markup = EXAMPLES[tag] ?? `<${tag} endpoint="/api"></${tag}>`;
  const exH = el('h3', undefined, { id: `${tag}-example` });
  label(exH, L.example);
  const example = el('div', undefined, { class: 'ref-example', 'data-example': tag, role: 'group', 'aria-labelledby': `${tag}-example` });
  // Our own markup (EXAMPLES above), parsed once by the browser.
  const tpl = document.createElement('template');
  tpl.innerHTML = markup;
  example.append(tpl.content);
  s.append(exH);
  window.rdDemoCopyCode?.attach(s, markup);
  s.append(example);
  return s;
}

const status = document.getElementById('ref-status');
try {
  const manifest = await (await fetch('/dist/custom-elements.json')).json();
  const decls = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName).sort((a, b) => a.tagName.localeCompare(b.tagName));
  const main = document.getElementById('main');
  const toc = document.getElementById('toc');
  for (const d of decls) {
    main.append(section(d));
    const li = toc.appendChild(el('li'));
    li.appendChild(el('a', undefined, { href: `#${d.tagName}` })).append(code(`<${d.tagName}>`));
  }
  status.textContent = `共 ${decls.length} 个组件。`;
  status.append(' ');
  status.appendChild(el('span', `${decls.length} elements.`, { lang: 'en' }));
} catch (e) {
  status.textContent = `读取 custom-elements.json 失败（${e.message}）：请先运行 npm run build。`;
}
