// Events of <rd-station-map>.
const init: EventInit = { bubbles: true, composed: true };

/** A station was opened (list, map or `station-id`). */
export class RdStationSelectEvent extends Event {
  constructor(readonly detail: { stationId: string }) {
    super('rd-station-select', init);
  }
}

/**
 * A deputy was chosen in a station's detail. Cancelable: call `preventDefault()` to stop the link
 * (when `deputy-url` is set) and show the deputy yourself, e.g. in an <rd-deputy-card>.
 */
export class RdDeputySelectEvent extends Event {
  constructor(readonly detail: { deputyId: string; stationId: string }) {
    super('rd-deputy-select', { ...init, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rd-station-select': RdStationSelectEvent;
    'rd-deputy-select': RdDeputySelectEvent;
  }
}
