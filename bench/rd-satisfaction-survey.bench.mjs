// Benchmark of <rd-satisfaction-survey> (issue 6, quality bars): a 20-subject × 6-dimension matrix
// (120 rows, 360 radio buttons) — first render, and one answer click (a radio in the middle of
// the matrix: answer stored, draft scheduled, re-validated, re-rendered). Figures are medians of
// several runs, measured with performance.now() inside the page, up to the next animation frame
// after Lit finished rendering (style and layout included).
// Run by `npm run bench` (scripts/bench.mjs), which passes a playwright-core Page and the base URL.

/** Runs in the page: an invented 20 × 6 suggestion-handling survey. */
function makeSurvey(id) {
  const dims = [['org', '组织领导'], ['attitude', '办理态度'], ['consult', '面商沟通'], ['reply', '答复质量'], ['implement', '落实情况'], ['overall', '综合评价']];
  const units = ['市住房和城乡建设局', '市交通运输局', '市卫生健康委员会', '市生态环境局', '市教育局'];
  const subjects = Array.from({ length: 20 }, (_, i) => ({
    id: `s${i + 1}`,
    name: `关于第${i + 1}项民生问题的建议`,
    description: `第${100 + i}号建议 · 承办单位：${units[i % units.length]}`,
  }));
  return {
    id, title: '代表建议办理满意度测评（20件）', kind: 'evaluation',
    window: { opens: '2020-01-01T00:00:00+08:00', closes: '2099-12-31T23:59:59+08:00' },
    roles: ['deputy'], access: 'open', anonymity: 'anonymous', subjects,
    pages: [
      { id: 'rate', title: '逐项评价', questions: [{ id: 'handling', type: 'matrix', title: '对建议办理工作的评价', required: true, dimensions: dims.map(([i, l]) => ({ id: i, label: l })), subjects: subjects.map((s) => s.id) }] },
      { id: 'why', title: '意见', questions: [{ id: 'reason', type: 'text', title: '不满意的原因', required: true, showIf: { question: 'handling', in: ['dissatisfied'] } }] },
    ],
  };
}

export default async function bench(page, baseUrl) {
  await page.addScriptTag({ url: `${baseUrl}/dist/cdn/rd-widgets.js`, type: 'module' });
  // The all-in-one imports an element's module when its tag is on the page, or when asked.
  await page.evaluate(async (u) => (await import(u)).load('rd-satisfaction-survey'), `${baseUrl}/dist/cdn/rd-widgets.js`);
  return page.evaluate(async (makeSurveySrc) => {
    const makeSurvey = new Function(`return (${makeSurveySrc})`)();
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
    document.documentElement.lang = 'zh-CN';

    async function mount(run) {
      const el = document.createElement('rd-satisfaction-survey');
      el.setAttribute('drafts', 'off');
      const ready = new Promise((r) => el.addEventListener('rd-ready', r, { once: true }));
      const t0 = performance.now();
      el.data = makeSurvey(`bench-${run}-${Date.now()}`);
      document.body.append(el);
      await ready;
      // The form appears once the device guard answered (IndexedDB).
      while (!el.shadowRoot.querySelector('fieldset.m-row')) { await el.updateComplete; await new Promise((r) => setTimeout(r, 0)); }
      await frame();
      return { el, ms: performance.now() - t0 };
    }

    const first = [], clicks = [], clickScript = [], rows = [];
    let radios = 0;
    for (let run = 0; run < 5; run++) {
      const { el, ms } = await mount(run);
      first.push(ms);
      const r = el.shadowRoot;
      rows.push(r.querySelectorAll('fieldset.m-row').length);
      radios = r.querySelectorAll('input[type=radio]').length;
      // Ten answers in different places of the matrix, each timed alone.
      for (let k = 0; k < 10; k++) {
        const sub = 1 + ((k * 7) % 20);
        const dim = ['org', 'attitude', 'consult', 'reply', 'implement', 'overall'][k % 6];
        const tier = k === 5 ? 'dissatisfied' : k % 2 ? 'satisfied' : 'basically-satisfied';
        const input = r.querySelector(`input[name="handling:s${sub}/${dim}"][value="${tier}"]`);
        const t0 = performance.now();
        input.click();
        await el.updateComplete;
        clickScript.push(performance.now() - t0);
        await frame();
        clicks.push(performance.now() - t0);
      }
      el.remove();
    }
    return [
      { name: '20 × 6 matrix: first render (data → 120 rows rendered, median of 5)', value: median(first), unit: 'ms' },
      { name: 'answer click in the matrix (to next frame, median of 50)', value: median(clicks), unit: 'ms' },
      { name: 'answer click, slowest of 50', value: Math.max(...clicks), unit: 'ms' },
      { name: 'answer click, script only (state + validation + Lit update; median)', value: median(clickScript), unit: 'ms' },
      { name: 'matrix rows rendered', value: rows[0], unit: '' },
      { name: 'radio buttons rendered', value: radios, unit: '' },
    ];
  }, makeSurvey.toString());
}
