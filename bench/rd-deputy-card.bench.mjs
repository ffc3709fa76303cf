// Benchmark of <rd-deputy-card> in directory mode with 1,000 deputies (issue 5, quality bars):
// first render of the directory, a search keystroke, a filter change, and opening a profile.
// Figures are medians of several runs, measured with performance.now() inside the page, up to the
// next animation frame after Lit finished rendering (so style and layout are included).
// Run by `npm run bench` (scripts/bench.mjs), which passes a playwright-core Page and the base URL.

/** Runs in the page: 1,000 invented deputies with pinyin, stations, groups, schedules. */
function generate(n) {
  const sur = [['张', 'zhang'], ['王', 'wang'], ['李', 'li'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['赵', 'zhao'], ['黄', 'huang'], ['周', 'zhou'], ['吴', 'wu'], ['徐', 'xu'], ['孙', 'sun'], ['胡', 'hu'], ['朱', 'zhu'], ['高', 'gao'], ['林', 'lin'], ['何', 'he'], ['郭', 'guo'], ['马', 'ma'], ['罗', 'luo']];
  const given = [['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['强', 'qiang'], ['磊', 'lei'], ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['涛', 'tao'], ['明', 'ming'], ['超', 'chao'], ['秀', 'xiu'], ['霞', 'xia'], ['平', 'ping'], ['刚', 'gang'], ['桂', 'gui']];
  const levels = ['national', 'provincial', 'municipal', 'county', 'township'];
  const towns = ['东关街道', '凤鸣街道', '西岭镇', '南湖镇', '白石镇', '桃源镇', '金沙镇', '石桥镇', '龙泉镇', '北塘乡', '柳溪乡', '清水乡'];
  const expertise = ['法律', '医疗卫生', '教育', '农业技术', '企业管理', '社区治理', '环境保护', '养老服务'];
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  return Array.from({ length: n }, (_, i) => {
    const s = pick(sur), g1 = pick(given), g2 = rnd() < 0.6 ? pick(given) : null;
    const town = i % towns.length;
    return {
      id: `dep-${String(i + 1).padStart(4, '0')}`,
      name: s[0] + g1[0] + (g2 ? g2[0] : ''),
      pinyin: [s[1], g1[1], ...(g2 ? [g2[1]] : [])].join(' '),
      level: levels[Math.min(4, Math.floor(rnd() * 5))],
      term: { number: 18, fromYear: 2021, untilYear: 2026 },
      electedFrom: { kind: 'constituency', name: `${towns[town]}第${1 + (i % 9)}选区` },
      deputyGroup: { id: `grp-${town}`, name: `${towns[town]}代表小组` },
      sectorGroups: rnd() < 0.5 ? [{ id: `sg-${i % 6}`, name: `第${i % 6}专业代表小组` }] : undefined,
      stations: [{ id: `st-${town}`, name: `${towns[town]}人大代表联络站` }],
      occupation: `${towns[town]}${pick(['村党支部书记', '卫生院医生', '中心小学教师', '司法所所长', '企业职工'])}`,
      expertise: [pick(expertise)],
      pledges: ['每月至少进站接待选民一次。'],
      status: i % 97 === 0 ? { code: 'resigned', date: '2026-05-12' } : { code: 'serving' },
      receptionSchedule: { rules: [{ kind: 'monthly', days: [10], times: [{ start: '09:00', end: '11:30' }], onHoliday: 'next-workday' }] },
    };
  });
}

export default async function bench(page, baseUrl) {
  await page.addScriptTag({ url: `${baseUrl}/dist/cdn/rd-widgets.js`, type: 'module' });
  // The all-in-one imports an element's module when its tag is on the page, or when asked.
  await page.evaluate(async (u) => (await import(u)).load('rd-deputy-card'), `${baseUrl}/dist/cdn/rd-widgets.js`);
  return page.evaluate(async (generateSrc) => {
    const generate = new Function(`return (${generateSrc})`)();
    const deputies = generate(1000);
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
    document.documentElement.lang = 'zh-CN';

    async function mount() {
      const el = document.createElement('rd-deputy-card');
      el.directory = true;
      el.drafts = 'off';
      const ready = new Promise((r) => el.addEventListener('rd-ready', r, { once: true }));
      const t0 = performance.now();
      el.data = { deputies };
      document.body.append(el);
      await ready;
      await el.updateComplete;
      await frame();
      return { el, ms: performance.now() - t0 };
    }
    const scriptOnly = [];
    async function step(el, action) {
      const t0 = performance.now();
      action();
      await el.updateComplete;
      scriptOnly.push(performance.now() - t0);
      await frame();
      return performance.now() - t0;
    }

    const first = [], keys = [], keyScript = [], clears = [], filters = [], opens = [];
    let shown = 0;
    for (let run = 0; run < 5; run++) {
      const { el, ms } = await mount();
      first.push(ms);
      const r = el.shadowRoot;
      const input = r.getElementById('f-search');
      // Typing "zhw" one key at a time, then a Chinese name character, then clearing.
      for (const q of ['z', 'zh', 'zhw', '张', '张伟']) {
        keys.push(await step(el, () => { input.value = q; input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true })); }));
        keyScript.push(scriptOnly.at(-1));
      }
      clears.push(await step(el, () => { input.value = ''; input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true })); }));
      const level = r.getElementById('f-level');
      filters.push(await step(el, () => { level.value = 'county'; level.dispatchEvent(new Event('change')); }));
      shown = r.querySelectorAll('[part="entry"]').length;
      const entry = r.querySelector('[part="entry"]');
      opens.push(await step(el, () => entry.click()));
      el.remove();
    }
    return [
      { name: 'directory of 1,000: first render (data → rendered list, median of 5)', value: median(first), unit: 'ms' },
      { name: 'search keystroke (z, zh, zhw, 张, 张伟; median of 25)', value: median(keys), unit: 'ms' },
      { name: 'search keystroke, slowest of 25', value: Math.max(...keys), unit: 'ms' },
      { name: 'search keystroke, script only (search + Lit update, before the frame; median)', value: median(keyScript), unit: 'ms' },
      { name: 'clearing the search (back to 1,000)', value: median(clears), unit: 'ms' },
      { name: 'filter change (level)', value: median(filters), unit: 'ms' },
      { name: 'open a profile from the list (with next reception)', value: median(opens), unit: 'ms' },
      { name: 'entries rendered at once (page size)', value: shown, unit: '' },
    ];
  }, generate.toString());
}
