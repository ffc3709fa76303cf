// Types of axe-options.js (plain JavaScript so the Node end-to-end tests import it too).
export declare const WCAG_TAGS: string[];
export declare const AXE_OPTIONS: { runOnly: { type: 'tag'; values: string[] }; resultTypes: ['violations'] };
