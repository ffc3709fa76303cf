// Chinese numerals <-> numbers, as used in legal texts (第一百零一条, 第二十章, （十一）).
// Plain functions, no DOM. Reads 小写 (一二三), 大写 (壹贰叁), 两/〇/零, ASCII and full-width digits,
// positional digit strings (二〇二六) and the informal 一百十 (= 110); writes the standard
// 小写 form used by legislative drafting (十二, 一百一十, 一百零一, 二百, 一千零一十).

const DIGITS: Readonly<Record<string, number>> = {
  '零': 0, '〇': 0, '○': 0, 'Ｏ': 0,
  一: 1, 壹: 1, 幺: 1,
  二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2,
  三: 3, 叁: 3, 參: 3,
  四: 4, 肆: 4,
  五: 5, 伍: 5,
  六: 6, 陆: 6, 陸: 6,
  七: 7, 柒: 7,
  八: 8, 捌: 8,
  九: 9, 玖: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 10_000, 萬: 10_000, 亿: 100_000_000, 億: 100_000_000 };

/** Characters that may appear in a Chinese numeral (for building regular expressions). */
export const CHINESE_NUMERAL_CHARS = '零〇○Ｏ一壹幺二贰貳两兩三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億';

/** Full-width digits ０-９ to ASCII. */
export function toAsciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Reads a numeral: `十二` → 12, `一百零一` → 101, `二百` → 200, `一〇一` → 101, `12` / `１２` → 12.
 * Returns `null` for anything that is not a well-formed non-negative integer numeral
 * (empty string, stray characters, `十十`, `百一千`, `一二百`…).
 */
export function parseChineseNumeral(input: string): number | null {
  const s = toAsciiDigits(input.trim());
  if (!s) return null;
  if (/^\d+$/.test(s)) return Number(s);
  const chars = [...s];
  if (!chars.every((c) => c in DIGITS || c in SMALL_UNITS || c in BIG_UNITS)) return null;
  // Positional form (二〇二六, 一〇一): digits only, three or more, not starting with 零.
  if (chars.every((c) => c in DIGITS)) {
    if (chars.length === 1) return DIGITS[chars[0]!]!;
    if (chars.length < 3 || DIGITS[chars[0]!] === 0 || chars.some((c) => c === '两' || c === '兩')) return null;
    return Number(chars.map((c) => DIGITS[c]).join(''));
  }
  return parseGrouped(chars);
}

/** 亿 > 万 > (千 百 十) groups, each group read by `parseSection`. */
function parseGrouped(chars: string[]): number | null {
  let total = 0;
  let rest = chars;
  let lastBig = Infinity;
  for (const big of ['亿', '億', '万', '萬']) {
    const i = rest.indexOf(big);
    if (i < 0) continue;
    const value = BIG_UNITS[big]!;
    if (value >= lastBig) return null;
    const head = rest.slice(0, i);
    const n = head.length === 0 ? null : value === 100_000_000 ? parseGrouped(head) : parseSection(head, total > 0);
    if (n === null || n === 0 || (value === 100_000_000 && n > 9999_9999)) return null;
    total += n * value;
    lastBig = value;
    rest = rest.slice(i + 1);
  }
  if (rest.some((c) => c in BIG_UNITS)) return null;
  if (rest.length === 0) return total;
  const n = parseSection(rest, total > 0);
  return n === null ? null : total + n;
}

/**
 * One group below 10,000 (千 百 十 with 零 marking gaps). `afterBig`: the group follows 万/亿, so a
 * value below 1,000 must start with 零 (一万零五; 一万五 is refused as the informal 15,000).
 * Tolerated informal forms: 一百十 (110), 一千零十 (1010). Refused: 一百五, 一百零, 一百零十, 十十.
 */
function parseSection(chars: string[], afterBig: boolean): number | null {
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  let zero = false;
  let leadingZero = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c in DIGITS) {
      const d = DIGITS[c]!;
      if (d === 0) {
        if (digit !== null || zero) return null;
        if (i === 0) {
          if (!afterBig) return null;
          leadingZero = true;
        }
        zero = true;
        continue;
      }
      if (digit !== null) return null;
      digit = d;
      continue;
    }
    const unit = SMALL_UNITS[c]!;
    if (unit >= lastUnit) return null;
    if (digit === null) {
      // A bare 十: at the start of a number (十二), or informally after 百 (一百十) or a 零 (一千零十).
      if (unit !== 10) return null;
      const atStart = i === 0 && !afterBig;
      if (!atStart && lastUnit !== 100 && !zero) return null;
      digit = 1;
    }
    if (zero && lastUnit !== Infinity && unit * 10 >= lastUnit) return null; // 一百零十: no gap
    total += digit * unit;
    digit = null;
    lastUnit = unit;
    zero = false;
  }
  if (digit !== null) {
    // A trailing units digit needs 十 before it (十二) or a 零 gap (一百零一).
    if (lastUnit !== Infinity && lastUnit > 10 && !zero) return null;
    total += digit;
  } else if (zero) {
    return null;
  }
  if (afterBig && total < 1000 && total > 0 && !leadingZero) return null;
  if (afterBig && total >= 1000 && leadingZero) return null;
  return total;
}

// Writing numbers (toChineseNumeral, chineseOrdinal) is services/chinese-numeral-format.ts: the deputy
// card writes a term's number without loading the parser.
export { toChineseNumeral, chineseOrdinal } from './chinese-numeral-format.js';
