// Builds a long draft (e.g. 200 articles) from the demo 云州市文明养犬条例（草案）, for the
// "long draft" section of demo/rd-legislation-feedback.html and for
// bench/rd-legislation-feedback.bench.mjs; with `parts`, a code laid out like the 民法典 (1,260
// articles in 7 编, two of them with 分编, and a closing 附则 outside every 编). The function is self-contained (no outer references)
// so the benchmark can send its source into the page.

/**
 * @param {object} base a structured draft (demo/content/drafts/2026-yq-01.json)
 * @param {number} n number of articles wanted
 * @param {{parts?: boolean}} [options] `parts`: group the chapters into 7 编 (the second and third
 *   with 分编), chapters renumbered in each 编, the 附则 after them
 * @returns {object} a structured draft with `n` articles in renumbered chapters, same questions
 */
export function expandDraft(base, n, options = {}) {
  const D = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  const cn = (v) => {
    if (v < 10) return D[v];
    if (v < 20) return `十${v % 10 ? D[v % 10] : ''}`;
    let out = '';
    let rest = v;
    let gap = false;
    for (const [unit, name] of [[1000, '千'], [100, '百'], [10, '十']]) {
      const d = Math.floor(rest / unit);
      rest %= unit;
      if (d) {
        out += `${gap ? '零' : ''}${D[d]}${name}`;
        gap = false;
      } else if (out) gap = true;
    }
    return rest ? `${out}${gap ? '零' : ''}${D[rest]}` : out;
  };
  const source = [];
  for (const c of base.text.chapters) {
    for (const a of c.articles) source.push(a);
    for (const s of c.sections ?? []) for (const a of s.articles) source.push(a);
  }
  const titles = base.text.chapters.map((c) => c.title).filter((t) => t !== '附则');
  const perChapter = 14;
  const chapters = [];
  let k = 0;
  while (k < n) {
    const ci = chapters.length;
    const last = n - k <= 3;
    const size = last ? n - k : Math.min(perChapter, n - k - 3);
    const articles = [];
    for (let i = 0; i < size; i++) {
      k++;
      const a = source[(k - 1) % source.length];
      articles.push({ ...a, label: `第${cn(k)}条`, number: k });
    }
    chapters.push({
      label: `第${cn(ci + 1)}章`,
      number: ci + 1,
      title: last ? '附则' : `${titles[ci % titles.length]}${ci >= titles.length ? `（${cn(Math.floor(ci / titles.length) + 1)}）` : ''}`,
      ...(last ? { supplementary: true } : {}),
      articles,
    });
  }
  const labels = new Set(chapters.flatMap((c) => c.articles.map((a) => a.label)));
  let text = { format: 'structured', preamble: base.text.preamble ?? [], chapters, articles: [] };
  if (options.parts) {
    const titles = ['总则', '物权', '合同', '人格权', '婚姻家庭', '继承', '侵权责任'];
    const closing = chapters.pop();
    const per = Math.ceil(chapters.length / titles.length);
    const parts = titles.map((title, pi) => {
      const list = chapters.slice(pi * per, (pi + 1) * per).map((c, ci) => ({ ...c, label: `第${cn(ci + 1)}章`, number: ci + 1, supplementary: undefined }));
      const part = { label: `第${cn(pi + 1)}编`, number: pi + 1, title, chapters: list };
      if ((pi === 1 || pi === 2) && list.length > 1) {
        const half = Math.ceil(list.length / 2);
        part.chapters = [];
        part.divisions = [
          { label: '第一分编', number: 1, title: '通则', chapters: list.slice(0, half) },
          { label: '第二分编', number: 2, title: pi === 1 ? '所有权' : '典型合同', chapters: list.slice(half) },
        ];
      }
      return part;
    }).filter((p) => p.chapters.length || p.divisions);
    text = { ...text, chapters: [], parts, closing: [{ label: '附则', title: '附则', supplementary: true, articles: closing.articles }] };
  }
  return {
    ...base,
    id: `${base.id}-${options.parts ? 'code' : 'long'}-${n}`,
    title: base.title.replace('（草案）', `（${n} 条演示稿）`),
    focusQuestions: (base.focusQuestions ?? []).map((q) => (q.article && !labels.has(q.article) ? { ...q, article: undefined } : q)),
    text: JSON.parse(JSON.stringify(text)),
  };
}
