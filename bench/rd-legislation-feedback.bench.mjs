// Benchmark of <rd-legislation-feedback> on a 200-article draft (issue 4, quality bars): first
// render (structured, and plain text including the legal-text parse), a keystroke in an article
// comment, a keystroke in the search box, and going to an article; then the same on a 1,260-article
// code laid out like the 民法典 (7 编, 分编; issue 15), drawn as it is reached, with the shadow
// root's size at first screen and the parse of its plain text. Medians of several runs,
// measured with performance.now() inside the page up to the next animation frame after Lit
// finished rendering (so style and layout are included).
// Run by `npm run bench` (scripts/bench.mjs), which passes a playwright-core Page and the base URL
// of the reference receiver (demo/ at /, dist/ at /dist, the API at /api).

export default async function bench(page, baseUrl) {
  await page.addScriptTag({ url: `${baseUrl}/dist/cdn/rd-widgets.js`, type: 'module' });
  // The all-in-one imports an element's module when its tag is on the page, or when asked.
  await page.evaluate(async (u) => (await import(u)).load('rd-legislation-feedback'), `${baseUrl}/dist/cdn/rd-widgets.js`);
  return page.evaluate(async (base) => {
    const { expandDraft } = await import(`${base}/lf-long-draft.mjs`);
    const demo = await (await fetch(`${base}/api/drafts/2026-yq-01`)).json();
    const long = expandDraft(demo, 200);
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
    const max = (xs) => Math.max(...xs);
    document.documentElement.lang = 'zh-CN';

    /** The structured draft written out as the plain text a webmaster would paste. */
    const toPlain = (d) => {
      const lines = [d.title.replace('（', '\n（'), '', '目　　录'];
      for (const c of d.text.chapters) lines.push(`${c.label}　${c.title}`);
      lines.push('');
      const item = (n) => `（${['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][n] ?? n}）`;
      for (const c of d.text.chapters) {
        lines.push(`${c.label}　${c.title}`);
        for (const a of c.articles) {
          a.paragraphs.forEach((p, i) => {
            lines.push(i === 0 ? `${a.label}　${p.text}` : p.text);
            for (const it of p.items ?? []) {
              lines.push(`${item(it.number)}${it.text}`);
              for (const s of it.subItems ?? []) lines.push(`${s.number}.${s.text}`);
            }
          });
        }
      }
      return lines.join('\n');
    };

    let n = 0;
    async function mount(data) {
      const el = document.createElement('rd-legislation-feedback');
      el.setAttribute('drafts', 'off');
      el.setAttribute('deep-link', 'off');
      el.setAttribute('submit-url', `${base}/api/legislation-feedback`);
      const ready = new Promise((r) => el.addEventListener('rd-ready', r, { once: true }));
      const t0 = performance.now();
      el.data = { ...data, id: `${data.id}-${n++}` };
      document.body.append(el);
      await ready;
      await el.updateComplete;
      await frame();
      return { el, ms: performance.now() - t0 };
    }

    /** The comment's text box, focused once the form half has arrived (the first press loads it). */
    async function focusedTextarea(el) {
      for (let i = 0; i < 200; i++) {
        await el.updateComplete;
        const a = el.shadowRoot.activeElement;
        if (a?.localName === 'textarea') return a;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('no comment box got the focus');
    }

    const out = [];
    // 1. First render, structured and plain text.
    const firstStructured = [];
    const firstPlain = [];
    const plain = { ...long, text: { format: 'plain', content: toPlain(long) } };
    for (let i = 0; i < 5; i++) {
      const a = await mount(long);
      firstStructured.push(a.ms);
      a.el.remove();
      const b = await mount(plain);
      firstPlain.push(b.ms);
      const count = b.el.shadowRoot.querySelectorAll('article').length;
      if (count !== 200) throw new Error(`plain text rendered ${count} articles, expected 200`);
      b.el.remove();
      await frame();
    }
    out.push({ name: 'first render, 200 articles (structured), median of 5', value: median(firstStructured), unit: 'ms' });
    out.push({ name: 'first render, 200 articles (plain text, parsed in the page), median of 5', value: median(firstPlain), unit: 'ms' });

    // 2. Typing in a comment on article 100 (with three other comments open).
    const { el } = await mount(long);
    const root = el.shadowRoot;
    const add = async (label) => {
      root.querySelector(`article[data-label="${label}"] .lf-add`).click();
      return focusedTextarea(el);
    };
    for (const label of ['第十条', '第五十条', '第一百五十条']) {
      const ta = await add(label);
      ta.value = '已有的意见';
      ta.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await el.updateComplete;
    }
    const ta = await add('第一百条');
    const text = '建议将犬只登记证有效期延长为三年，并允许网上办理延续登记。';
    const keyScript = [];
    const keyFrame = [];
    for (let i = 1; i <= text.length; i++) {
      const t0 = performance.now();
      ta.value = text.slice(0, i);
      ta.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      const t1 = performance.now();
      await frame();
      keyScript.push(t1 - t0);
      keyFrame.push(performance.now() - t0);
    }
    out.push({ name: `keystroke in a comment: input → Lit update done, median of ${text.length}`, value: median(keyScript), unit: 'ms' });
    out.push({ name: `keystroke in a comment: input → next frame, median of ${text.length}`, value: median(keyFrame), unit: 'ms' });
    out.push({ name: 'keystroke in a comment: input → next frame, worst', value: max(keyFrame), unit: 'ms' });

    // 3. Typing in the search box (every article re-checked, hits marked).
    const search = root.getElementById('lf-search');
    const query = '犬只登记';
    const searchFrame = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 1; i <= query.length; i++) {
        const t0 = performance.now();
        search.value = query.slice(0, i);
        search.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
        await el.updateComplete;
        await frame();
        searchFrame.push(performance.now() - t0);
      }
      search.value = '';
      search.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await el.updateComplete;
    }
    out.push({ name: `keystroke in search: input → next frame, median of ${searchFrame.length}`, value: median(searchFrame), unit: 'ms' });

    // 4. Going to an article (scroll + focus).
    const jumps = [];
    for (const label of ['第一百九十九条', '第二条', '第二百条', '第一百零一条', '第十条']) {
      const t0 = performance.now();
      el.jumpTo(label);
      await frame();
      jumps.push(performance.now() - t0);
      if (root.activeElement?.dataset.label !== label) throw new Error(`jump to ${label} failed`);
    }
    out.push({ name: 'go to an article (scroll + focus), median of 5', value: median(jumps), unit: 'ms' });
    out.push({ name: 'DOM elements in the shadow root (200 articles, 4 comments open)', value: root.querySelectorAll('*').length, unit: '' });
    el.remove();

    // 5. A 1,260-article code (7 编, 分编, 附则): first render, nodes, search, jump, a comment.
    const code = expandDraft(demo, 1260, { parts: true });
    const firstCode = [];
    const nodes = [];
    for (let i = 0; i < 5; i++) {
      const c = await mount(code);
      firstCode.push(c.ms);
      nodes.push(c.el.shadowRoot.querySelectorAll('*').length);
      c.el.remove();
      await frame();
    }
    out.push({ name: 'first render, 1,260-article code with 编/分编 (data set → rd-ready → next frame), median of 5', value: median(firstCode), unit: 'ms' });
    out.push({ name: 'nodes in the shadow root at first screen, 1,260 articles', value: median(nodes), unit: '' });
    // The code as pasted text: 编 and 分编 heading lines before their chapters, the 附则 last.
    const codePlain = (() => {
      const body = (chapters) => toPlain({ title: '', text: { chapters } }).split('\n').slice(chapters.length + 4)
        .map((l) => (l === '附则　附则' ? '附　　则' : l));
      const lines = [code.title];
      for (const p of code.text.parts) {
        lines.push(`${p.label}　${p.title}`, ...body(p.chapters));
        for (const d of p.divisions ?? []) lines.push(`${d.label}　${d.title}`, ...body(d.chapters));
      }
      lines.push(...body(code.text.closing));
      return lines.join('\n');
    })();
    const parseRuns = [];
    for (let i = 0; i < 3; i++) {
      const b = await mount({ ...code, text: { format: 'plain', content: codePlain } });
      parseRuns.push(b.ms);
      const counted = b.el.shadowRoot.querySelector('.lf-count').textContent;
      if (!counted.includes('7 编') || !counted.includes('1260 条')) throw new Error(`plain code parsed as ${counted}`);
      b.el.remove();
      await frame();
    }
    out.push({ name: 'first render, 1,260 articles as plain text (parsed in the page), median of 3', value: median(parseRuns), unit: 'ms' });

    const big = (await mount(code)).el;
    const broot = big.shadowRoot;
    const bsearch = broot.getElementById('lf-search');
    const q2 = '犬只登记证';
    const bigSearch = [];
    const bigSearchScript = [];
    const bigSearchWork = [];
    // The clock's floor: a keystroke is dispatched just after a frame, so "→ next frame" waits
    // for the next vsync whatever the work (an input that changes nothing measures one frame).
    // What a keystroke costs the page is input → Lit update → style and layout (forced here by
    // reading a box), which must fit in one 60 Hz frame (16 ms) for typing to keep up.
    const idle = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      await frame();
      idle.push(performance.now() - t0);
    }
    for (let round = 0; round < 3; round++) {
      for (let i = 1; i <= q2.length; i++) {
        const t0 = performance.now();
        bsearch.value = q2.slice(0, i);
        bsearch.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
        await big.updateComplete;
        bigSearchScript.push(performance.now() - t0);
        broot.querySelector('.lf-search').getBoundingClientRect();
        bigSearchWork.push(performance.now() - t0);
        await frame();
        bigSearch.push(performance.now() - t0);
      }
      bsearch.value = '';
      bsearch.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await big.updateComplete;
    }
    out.push({ name: `1,260 articles: keystroke in search → Lit update done / → style and layout done (target ≤ 16) / → next frame, median of ${bigSearch.length}`, value: `${median(bigSearchScript).toFixed(1)} / ${median(bigSearchWork).toFixed(1)} / ${median(bigSearch).toFixed(1)}`, unit: 'ms' });
    out.push({ name: '1,260 articles: keystroke in search → style and layout done, slowest', value: max(bigSearchWork), unit: 'ms' });
    out.push({ name: 'the clock\'s floor: nothing changed → next frame, median of 10', value: median(idle), unit: 'ms' });
    const bigJumps = [];
    for (const label of ['第一千二百六十条', '第六百条', '第一千条', '第二条', '第九百九十九条']) {
      const t0 = performance.now();
      big.jumpTo(label);
      await frame();
      bigJumps.push(performance.now() - t0);
      if (broot.activeElement?.dataset.label !== label) throw new Error(`jump to ${label} failed`);
    }
    out.push({ name: '1,260 articles: go to an article (draw, scroll, focus → next frame), median of 5 (第一千二百六十条 first)', value: median(bigJumps), unit: 'ms' });
    out.push({ name: '1,260 articles: go to 第一千二百六十条, cold', value: bigJumps[0], unit: 'ms' });
    big.jumpTo('第一千条');
    broot.querySelector('article[data-label="第一千条"] .lf-add').click();
    const bta = await focusedTextarea(big);
    const bigKeys = [];
    for (let i = 1; i <= text.length; i++) {
      const t0 = performance.now();
      bta.value = text.slice(0, i);
      bta.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await big.updateComplete;
      await frame();
      bigKeys.push(performance.now() - t0);
    }
    out.push({ name: `1,260 articles: keystroke in a comment on 第一千条 → next frame, median of ${text.length}`, value: median(bigKeys), unit: 'ms' });
    out.push({ name: 'nodes in the shadow root after those jumps and a comment, 1,260 articles', value: broot.querySelectorAll('*').length, unit: '' });
    big.remove();
    return out;
  }, baseUrl);
}
