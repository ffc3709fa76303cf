// Chinese numerals written the standard legislative way (十二, 一百零一, 第十八届), apart from reading
// them (services/chinese-numeral.ts), so a widget that only writes one loads only this.

const SMALL_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/**
 * Writes the standard legislative form: 0 → 零, 10 → 十, 12 → 十二, 110 → 一百一十, 101 → 一百零一,
 * 200 → 二百, 1010 → 一千零一十, 10001 → 一万零一, 100000000 → 一亿. Throws a RangeError for
 * negative, fractional or unsafe numbers.
 */
export function toChineseNumeral(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`toChineseNumeral: ${n} is not a non-negative safe integer`);
  if (n === 0) return '零';
  if (n >= 1e16) throw new RangeError(`toChineseNumeral: ${n} is too large`);
  const groups: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 10_000)) groups.push(v % 10_000);
  const names = ['', '万', '亿', '万亿'];
  let out = '';
  let needZero = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const value = groups[g]!;
    if (value === 0) {
      if (out) needZero = true;
      continue;
    }
    if (out && (needZero || value < 1000)) out += '零';
    out += section(value, out === '') + names[g];
    needZero = false;
  }
  return out;
}

/** 1..9999; `leading` decides whether 10-19 is written 十X (leading) or 一十X (inside a number). */
function section(v: number, leading: boolean): string {
  const units = ['千', '百', '十', ''] as const;
  const digits = [Math.floor(v / 1000), Math.floor(v / 100) % 10, Math.floor(v / 10) % 10, v % 10];
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      if (out) zero = true;
      return;
    }
    if (zero) out += '零';
    zero = false;
    if (d === 1 && i === 2 && out === '' && leading) out += '十';
    else out += SMALL_DIGITS[d] + units[i]!;
  });
  return out;
}

/** A term's number as written in 第十八届: 1–99 in Chinese numerals, anything else in digits. */
export function chineseOrdinal(n: number): string {
  return Number.isInteger(n) && n >= 1 && n <= 99 ? toChineseNumeral(n) : String(n);
}
