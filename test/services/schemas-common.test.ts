import { expect } from '@open-wc/testing';
import { isSafeUrl, url, isoDate, isoDateTime, uuid } from '../../src/services/schemas/common.js';

describe('schemas/common', () => {
  const urls: Array<[string, boolean]> = [
    ['https://rd.example.gov.cn/deputy/1', true], ['http://a.cn', true], ['/zqyj/2026.html', true], ['./a.pdf', true],
    ['../b/c.html', true], ['docs/note.pdf', true], ['?page=2', true], ['#第十二条', true], ['HTTPS://A.CN', true],
    ['javascript:alert(1)', false], ['JavaScript:alert(1)', false], ['java\tscript:alert(1)', false], [' javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false], ['vbscript:msgbox', false], ['mailto:a@b.cn', false],
    ['https:evil', false], ['http:///x', false], ['', false], ['a b', false], ['\u0001https://x', false],
  ];
  for (const [u, ok] of urls) {
    it(`url ${JSON.stringify(u)} → ${ok}`, () => {
      expect(isSafeUrl(u)).to.equal(ok);
      expect(url.safeParse(u).success).to.equal(ok);
    });
  }
  const dates: Array<[unknown, boolean, boolean]> = [
    // value, isoDate, isoDateTime
    ['2026-11-25', true, false], ['2026-11-25T08:00:00Z', false, true], ['2026-11-25T08:00+08:00', false, true],
    ['2026-11-25T08:00:00.123+0800', false, true], ['2026/11/25', false, false], ['2026-11-25 08:00', false, false], [20261125, false, false],
  ];
  for (const [v, d, dt] of dates) {
    it(`dates ${JSON.stringify(v)}`, () => {
      expect(isoDate.safeParse(v).success).to.equal(d);
      expect(isoDateTime.safeParse(v).success).to.equal(dt);
    });
  }
  it('uuid accepts v4 only', () => {
    expect(uuid.safeParse('0b7c7a5e-8d2f-4c59-9d6b-2f0c1c7e9a10').success).to.equal(true);
    expect(uuid.safeParse('0b7c7a5e-8d2f-1c59-9d6b-2f0c1c7e9a10').success).to.equal(false);
    expect(uuid.safeParse('not-a-uuid').success).to.equal(false);
  });
});
