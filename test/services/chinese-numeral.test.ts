import { expect } from '@open-wc/testing';
import { chineseOrdinal, parseChineseNumeral, toChineseNumeral, toAsciiDigits } from '../../src/services/chinese-numeral.js';

describe('chinese-numeral', () => {
  // [number, standard legislative form]
  const table: Array<[number, string]> = [
    [0, '零'],
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [19, '十九'],
    [20, '二十'],
    [21, '二十一'],
    [99, '九十九'],
    [100, '一百'],
    [101, '一百零一'],
    [105, '一百零五'],
    [110, '一百一十'],
    [111, '一百一十一'],
    [120, '一百二十'],
    [199, '一百九十九'],
    [200, '二百'],
    [201, '二百零一'],
    [210, '二百一十'],
    [999, '九百九十九'],
    [1000, '一千'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
    [1100, '一千一百'],
    [2026, '二千零二十六'],
    [9999, '九千九百九十九'],
    [10000, '一万'],
    [10001, '一万零一'],
    [10010, '一万零一十'],
    [10100, '一万零一百'],
    [11000, '一万一千'],
    [100000, '十万'],
    [100010, '十万零一十'],
    [120000, '十二万'],
    [1000000, '一百万'],
    [10000000, '一千万'],
    [100000000, '一亿'],
    [100100000, '一亿零一十万'],
    [123456789, '一亿二千三百四十五万六千七百八十九'],
  ];

  it('writes the standard form for each number in the table', () => {
    for (const [n, s] of table) expect(toChineseNumeral(n), String(n)).to.equal(s);
  });

  it('reads back every standard form in the table', () => {
    for (const [n, s] of table) expect(parseChineseNumeral(s), s).to.equal(n);
  });

  it('round-trips every number from 0 to 12,000', () => {
    for (let n = 0; n <= 12_000; n++) {
      const s = toChineseNumeral(n);
      if (parseChineseNumeral(s) !== n) throw new Error(`${n} → ${s} → ${parseChineseNumeral(s)}`);
    }
  });

  // Other spellings people and Word documents use
  const variants: Array<[string, number]> = [
    ['一十', 10],
    ['一十二', 12],
    ['两百', 200],
    ['两千零一', 2001],
    ['一百十', 110],
    ['一千零十', 1010],
    ['壹佰零壹', 101],
    ['贰拾', 20],
    ['陆万', 60000],
    ['二〇二六', 2026],
    ['一〇一', 101],
    ['〇', 0],
    ['12', 12],
    ['１２３', 123],
    [' 十二 ', 12],
    ['二万零五', 20005],
  ];
  it('reads the variants people write', () => {
    for (const [s, n] of variants) expect(parseChineseNumeral(s), s).to.equal(n);
  });

  const invalid = ['', '  ', '百', '千', '十十', '一二百', '一百五', '一百零', '一百零十', '零一', '一零', '二百百', '百一千', '一万五',
    '万', '一万万', '第一', 'abc', '十二条', '1.5', '-3', '两两', '一百零零一'];
  it('refuses malformed or ambiguous numerals', () => {
    for (const s of invalid) expect(parseChineseNumeral(s), JSON.stringify(s)).to.equal(null);
  });

  it('throws a RangeError for numbers it cannot write', () => {
    for (const n of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) {
      expect(() => toChineseNumeral(n), String(n)).to.throw(RangeError);
    }
  });

  it('turns full-width digits into ASCII', () => {
    expect(toAsciiDigits('第１２３条，共４款')).to.equal('第123条，共4款');
  });
});

describe('chineseOrdinal (第N届)', () => {
  const cases: Array<[number, string]> = [[1, '一'], [9, '九'], [10, '十'], [11, '十一'], [18, '十八'], [20, '二十'], [99, '九十九'], [0, '0'], [100, '100'], [-3, '-3'], [1.5, '1.5']];
  for (const [n, s] of cases) it(`chineseOrdinal(${n}) = ${s}`, () => expect(chineseOrdinal(n)).to.equal(s));
});
