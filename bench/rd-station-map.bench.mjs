// Benchmark of <rd-station-map> with 2,000 stations (a prefecture city; issue 7, quality bars):
// first render of the list, first render of list + clusters (map engine loaded), a filter change
// and a search keystroke (list and clusters both updated), plus the longest main-thread task seen.
// Figures are medians of several runs, measured with performance.now() inside the page up to the
// next animation frame after Lit finished rendering (so style and layout are included).
// Run by `npm run bench` (scripts/bench.mjs), which passes a playwright-core Page and the base URL
// of a server of the project (dist/ at /dist/, the demo content at /api/stations).

export default async function bench(page, baseUrl) {
  await page.addScriptTag({ url: `${baseUrl}/dist/cdn/rd-widgets.js`, type: 'module' });
  // The per-widget entry as well, in case the all-in-one entry was built without registrations.
  await page.evaluate(async (u) => {
    if (!customElements.get('rd-station-map')) await import(u);
  }, `${baseUrl}/dist/cdn/components/rd-station-map.js`);
  await page.evaluate(() => customElements.whenDefined('rd-station-map'));

  return page.evaluate(async (api) => {
    const base = await (await fetch(api)).json();
    // 2,000 stations: the demo county repeated around other centres (distinct ids and places).
    const stations = [];
    for (let k = 0; stations.length < 2000; k++) {
      const dLng = ((k % 4) - 2) * 0.8;
      const dLat = (Math.floor(k / 4) - 2) * 0.7;
      for (const s of base.stations) {
        if (stations.length >= 2000) break;
        const c = structuredClone(s);
        c.id = `${s.id}~${k}`;
        if (c.parentId) c.parentId = `${c.parentId}~${k}`;
        if (c.location && c.location.lng > 70) c.location = { ...c.location, lng: c.location.lng + dLng, lat: c.location.lat + dLat };
        if (k) c.name = `${c.name}（${k}）`;
        stations.push(c);
      }
    }
    const data = { ...base, stations };
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const until = async (fn, timeout = 20000) => {
      const t = performance.now();
      while (!fn()) {
        if (performance.now() - t > timeout) throw new Error('timeout');
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    let longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });

    async function mount(mapOpen) {
      const el = document.createElement('rd-station-map');
      el.drafts = 'off';
      el.tiles = 'none';
      el.mapOpen = mapOpen;
      const ready = new Promise((r) => el.addEventListener('rd-ready', r, { once: true }));
      const t0 = performance.now();
      el.data = data;
      document.body.append(el);
      await ready;
      await el.updateComplete;
      if (mapOpen) await until(() => el.mapMarkers);
      await frame();
      return { el, ms: performance.now() - t0 };
    }

    // Map engine (Leaflet + supercluster chunks) cold load, once.
    const cold = await mount(true);
    const coldMs = cold.ms;
    const coldMarkers = cold.el.mapMarkers;
    cold.el.remove();

    const listOnly = [];
    const withMap = [];
    const filter = [];
    const search = [];
    const todayMs = [];
    let items = 0;
    for (let run = 0; run < 5; run++) {
      const a = await mount(false);
      listOnly.push(a.ms);
      items = a.el.shadowRoot.querySelectorAll('[part="item"]').length;
      a.el.remove();

      const { el, ms } = await mount(true);
      withMap.push(ms);
      const root = el.shadowRoot;

      // A filter change: type = 代表联络站 (list and clusters re-rendered).
      const type = root.querySelector('#sm-type');
      let t0 = performance.now();
      type.value = run % 2 ? 'point' : 'station';
      type.dispatchEvent(new Event('change'));
      await el.updateComplete;
      await frame();
      filter.push(performance.now() - t0);
      type.value = '';
      type.dispatchEvent(new Event('change'));
      await el.updateComplete;

      // "Reception today" filter: every station's schedule evaluated for today (then cached).
      const today = root.querySelector('#sm-today');
      t0 = performance.now();
      today.click();
      await el.updateComplete;
      await frame();
      todayMs.push(performance.now() - t0);
      today.click();
      await el.updateComplete;

      // A search keystroke: "d" then "dg" (pinyin initials).
      const input = root.querySelector('#sm-search');
      for (const text of ['d', 'dg', 'dgj']) {
        t0 = performance.now();
        input.value = text;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
        await el.updateComplete;
        await frame();
        search.push(performance.now() - t0);
      }
      el.remove();
    }
    return [
      { name: 'stations', value: stations.length, unit: '' },
      { name: 'list items rendered at first (page size)', value: items, unit: '' },
      { name: 'first render: list (median of 5)', value: median(listOnly), unit: 'ms' },
      { name: 'first render: list + clusters, map engine cached (median of 5)', value: median(withMap), unit: 'ms' },
      { name: 'first render: list + clusters, map engine cold (once)', value: coldMs, unit: 'ms' },
      { name: 'markers drawn at first view (clusters + single)', value: coldMarkers ? coldMarkers.clusters + coldMarkers.stations : 0, unit: '' },
      { name: 'filter change, list + clusters (median of 5)', value: median(filter), unit: 'ms' },
      { name: 'search keystroke, list + clusters (median of 15)', value: median(search), unit: 'ms' },
      { name: '"reception today" filter on 2,000 schedules (median of 5)', value: median(todayMs), unit: 'ms' },
      { name: 'search keystroke, worst of 15', value: Math.max(...search), unit: 'ms' },
      { name: 'longest main-thread task seen', value: longest, unit: 'ms' },
    ];
  }, `${baseUrl}/api/stations`);
}
