// Source map "mappings" (base64 VLQ), decoded and encoded: the build keeps the IIFE's map in step
// after escaping it to ASCII, and the benchmark splits the shared chunks' bytes by package.

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes "mappings" into lines of segments, each [generatedColumn, source, line, column, name?] (absolute). */
export function decodeMappings(mappings) {
  const state = [0, 0, 0, 0, 0];
  return mappings.split(';').map((line) => {
    state[0] = 0;
    if (!line) return [];
    return line.split(',').map((seg) => {
      const fields = [];
      let v = 0;
      let k = 0;
      for (const c of seg) {
        const d = B64.indexOf(c);
        v += (d & 31) << k;
        if (d & 32) { k += 5; continue; }
        fields.push(v & 1 ? -(v >>> 1) : v >>> 1);
        v = 0; k = 0;
      }
      return fields.map((f, i) => (state[i] += f));
    });
  });
}

/** Encodes lines of absolute segments (as decodeMappings returns them) back into "mappings". */
export function encodeMappings(lines) {
  const vlq = (n) => {
    let v = n < 0 ? (-n << 1) | 1 : n << 1;
    let s = '';
    do { let d = v & 31; v >>>= 5; if (v) d |= 32; s += B64[d]; } while (v);
    return s;
  };
  const state = [0, 0, 0, 0, 0];
  return lines.map((segs) => {
    state[0] = 0;
    return segs.map((seg) => seg.map((f, i) => { const s = vlq(f - state[i]); state[i] = f; return s; }).join('')).join(',');
  }).join(';');
}

/** Moves generated columns by per-line [fromColumn, shift] steps (sorted; shift is cumulative). */
export function shiftColumns(mappings, shifts) {
  const lines = decodeMappings(mappings);
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
  return encodeMappings(lines);
}
