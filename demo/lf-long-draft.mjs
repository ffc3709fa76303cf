// Builds a long draft (e.g. 200 articles) from the demo 云州市文明养犬条例（草案）, for the
// "long draft" section of demo/rd-legislation-feedback.html and for
// bench/rd-legislation-feedback.bench.mjs. The function is self-contained (no outer references)
// so the benchmark can send its source into the page.

/**
 * @param {object} base a structured draft (demo/content/drafts/2026-yq-01.json)
 * @param {number} n number of articles wanted
 * @returns {object} a structured draft with `n` articles in renumbered chapters, same questions
 */
export function expandDraft(base, n) {
  const D = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  const cn = (v) => {
    if (v < 10) return D[v];
    if (v < 20) return `十${v % 10 ? D[v % 10] : ''}`;
    if (v < 100) return `${D[Math.floor(v / 10)]}十${v % 10 ? D[v % 10] : ''}`;
    const h = Math.floor(v / 100);
    const r = v % 100;
    if (r === 0) return `${D[h]}百`;
    if (r < 10) return `${D[h]}百零${D[r]}`;
    return `${D[h]}百${D[Math.floor(r / 10)]}十${r % 10 ? D[r % 10] : ''}`;
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
  return {
    ...base,
    id: `${base.id}-long-${n}`,
    title: base.title.replace('（草案）', `（${n} 条演示稿）`),
    focusQuestions: (base.focusQuestions ?? []).map((q) => (q.article && !labels.has(q.article) ? { ...q, article: undefined } : q)),
    text: { format: 'structured', preamble: base.text.preamble ?? [], chapters, articles: [] },
  };
}
