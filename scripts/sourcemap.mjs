// Source-map helpers for the build: the codec itself is @jridgewell/sourcemap-codec (what Rollup
// uses); this file only adds the column shift the build needs after escaping a bundle to ASCII.
import { decode, encode } from '@jridgewell/sourcemap-codec';

export { decode as decodeMappings };

/** Moves generated columns by per-line [fromColumn, shift] steps (sorted; shift is cumulative). */
export function shiftColumns(mappings, shifts) {
  const lines = decode(mappings);
  for (let n = 0; n < lines.length; n++) {
    const steps = shifts[n] ?? [];
    if (!steps.length) continue;
    let i = 0;
    let shift = 0;
    for (const seg of lines[n]) {
      while (i < steps.length && steps[i][0] <= seg[0]) shift = steps[i++][1];
      seg[0] += shift;
    }
  }
  return encode(lines);
}
