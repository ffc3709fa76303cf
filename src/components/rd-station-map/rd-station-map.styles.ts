import { css } from 'lit';

export const stationMapStyles = css`
  :host {
    container-type: inline-size;
    --_map-height: var(--rd-station-map-height, 420px);
    --_pin: var(--rd-station-map-pin-color, var(--_primary));
    --_cluster: var(--rd-station-map-cluster-color, #1d70b8);
  }
  .sm__intro { color: var(--_muted); }
  .sm__controls { display: grid; gap: 0 var(--_space-4); grid-template-columns: 1fr; }
  /* min(…, 100%): one column when the widget is narrower than one filter (large text, side column). */
  .sm__filters { display: grid; gap: 0 var(--_space-4); grid-template-columns: repeat(auto-fit, minmax(min(10em, 100%), 1fr)); border: 0; padding: 0; margin: 0; min-width: 0; }
  .sm__filters .rd-field, .sm__near .rd-field { margin-bottom: var(--_space-3); }
  .sm__near { border: 1px solid var(--rd-color-border-light, #b1b4b6); border-radius: var(--_radius); padding: var(--_space-3); margin: 0 0 var(--_space-3); }
  .sm__near legend { font-weight: 600; padding: 0 var(--_space-1); }
  .sm__near-row { display: flex; flex-wrap: wrap; gap: var(--_space-2); align-items: flex-end; }
  .sm__near-row .rd-field { flex: 1 1 12em; min-width: 0; margin: 0; }
  .sm__status { font-weight: 600; margin-block: var(--_space-3); }
  .sm__bar { display: flex; flex-wrap: wrap; gap: var(--_space-2) var(--_space-4); align-items: center; justify-content: space-between; }
  .sm__layout { display: grid; gap: var(--_space-4); grid-template-columns: 1fr; }
  .sm__mapcol { min-width: 0; }
  .sm__layout--map .sm__mapcol { order: -1; }
  @container (min-width: 860px) {
    .sm__controls { grid-template-columns: 1fr 1fr; }
    .sm__layout--map { grid-template-columns: minmax(0, 5fr) minmax(0, 6fr); }
    .sm__layout--map .sm__mapcol { order: 1; position: sticky; top: var(--_space-2); align-self: start; }
  }
  .sm__list { list-style: none; padding: 0; margin: 0; }
  .sm__list > li { margin: 0 0 var(--_space-2); }
  .sm__item {
    display: block; width: 100%; text-align: start; font: inherit; color: inherit; cursor: pointer;
    background: var(--_surface); border: 1px solid var(--rd-color-border-light, #b1b4b6); border-radius: var(--_radius);
    padding: var(--_space-3); min-height: var(--_target);
  }
  .sm__item:hover { border-color: var(--_primary); }
  .sm__item[aria-current='true'] { border: 2px solid var(--_primary); }
  .sm__name { display: block; font-weight: 600; color: var(--_primary); text-decoration: underline; text-underline-offset: 0.15em; }
  .sm__meta { display: block; color: var(--_muted); font-size: 0.92em; }
  .sm__when { display: block; font-size: 0.92em; }
  .sm__when--open { color: var(--_success); font-weight: 600; }
  .sm__badge { display: inline-block; font-size: 0.85em; padding: 0 0.45em; margin-inline-end: 0.3em; border: 1px solid currentColor; border-radius: 999px; }
  .sm__mapwrap { min-width: 0; }
  .sm__map { height: var(--_map-height); border: 1px solid var(--_border); border-radius: var(--_radius); background: #eef2f5; z-index: 0; }
  .sm__map.rd-map--vector { background: #e8eef3; }
  .sm__note { color: var(--_muted); font-size: 0.92em; margin-top: var(--_space-2); }
  .rd-pin { background: none; border: 0; }
  .rd-pin__dot {
    display: block; width: 22px; height: 22px; margin: 2px; border-radius: 50% 50% 50% 0; transform: rotate(-45deg);
    background: var(--_pin); border: 2px solid #fff; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.5);
  }
  .rd-pin.is-selected .rd-pin__dot { background: #000; width: 26px; height: 26px; margin: 0; }
  .rd-cluster {
    display: flex; align-items: center; justify-content: center; border-radius: 50%;
    background: var(--_cluster); color: #fff; font-weight: 700; border: 3px solid #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.5);
  }
  .leaflet-container .leaflet-marker-icon:focus-visible { outline: 3px solid var(--_focus); box-shadow: 0 0 0 5px var(--_text); }
  .leaflet-container { font: inherit; font-size: 0.85em; }

  .sm__detail h3 { margin-top: 0; }
  .sm__photo { display: block; max-width: 100%; height: auto; max-height: 16em; object-fit: cover; border-radius: var(--_radius); margin: 0 0 var(--_space-3); }
  .sm__detail h4 { margin: var(--_space-4) 0 var(--_space-2); font-size: 1.05em; }
  .sm__dl { display: grid; grid-template-columns: fit-content(50%) minmax(0, 1fr); gap: var(--_space-1) var(--_space-3); margin: 0 0 var(--_space-3); }
  .sm__dl dt { font-weight: 600; }
  .sm__dl dd { margin: 0; }
  .sm__sessions, .sm__plain { padding-inline-start: 1.2em; margin: 0 0 var(--_space-3); }
  .sm__sessions li { margin-bottom: var(--_space-2); }
  .sm__sub { display: block; color: var(--_muted); font-size: 0.92em; }
  .sm__deputies { list-style: none; padding: 0; margin: 0 0 var(--_space-3); display: flex; flex-wrap: wrap; gap: var(--_space-2); }
  .sm__deputies a, .sm__deputies button { min-height: var(--_target); display: inline-flex; align-items: center; }
  .sm__nav { display: flex; flex-wrap: wrap; gap: var(--_space-2); margin: 0 0 var(--_space-3); padding: 0; list-style: none; }
  .sm__nav a { display: inline-flex; align-items: center; min-height: var(--_target); padding: 0.3em 0.9em; border: 2px solid var(--_primary); border-radius: var(--_radius); text-decoration: none; font-weight: 600; }
  .sm__tentative { color: var(--_muted); }
  .sm__cancelled { text-decoration: line-through; }
  :host([kiosk]) .sm__item { padding: var(--_space-4); }
  /* No style="" attributes anywhere: pages with a strict CSP (style-src 'self') block them. */
  .rd-actions.sm__actions--near { margin-block: 0 var(--_space-3); }
  .rd-actions.sm__actions--back { margin-top: 0; }
  .rd-actions.sm__actions--flush { margin: 0; }
  .rd-button.sm__inline-link { padding: 0; min-height: 0; }
`;
