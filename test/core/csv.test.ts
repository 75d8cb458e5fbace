// The shared CSV writer: Excel's framing (BOM, CRLF) and no cell that a
// spreadsheet would run, with the exact inverse on the way back in.
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, restoreCell, toCsv } from '../../src/core/csv.ts';

const FORMULA = /^[=+\-@\t\r]/;
// Cells built from the characters that matter, so apostrophe runs before a formula character come up often.
const cell = fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '\n', ',', '"', 'a', '가', '1', ' ') });

describe('core/csv', () => {
  it('neutralises every formula start (OWASP) and reads back exactly what was written', () => {
    expect(['=HYPERLINK("http://x","y")', '+82 대표', '-', '@home', '\t탭', '\r줄', "'=이미", '2026-12-03', '051-310-1234'].map(neutraliseCell)).toEqual([
      `'=HYPERLINK("http://x","y")`,
      "'+82 대표",
      "'-",
      "'@home",
      "'\t탭",
      "'\r줄",
      "''=이미",
      '2026-12-03',
      '051-310-1234',
    ]);
    fc.assert(
      fc.property(cell, (value) => {
        expect(FORMULA.test(neutraliseCell(value))).toBe(false);
        expect(restoreCell(neutraliseCell(value))).toBe(value);
      }),
    );
  });

  it('writes the BOM and CRLF; csv-parse gives the rows back', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 5 }), async (rows) => {
        const text = await toCsv([['a', 'b', 'c'], ...rows]);
        expect([...Buffer.from(text, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        expect(text.startsWith('\uFEFFa,b,c\r\n')).toBe(true);
        expect(text.endsWith('\r\n')).toBe(true);
        const back = (parse(text, { bom: true }) as string[][]).map((row) => row.map(restoreCell));
        expect(back).toEqual([['a', 'b', 'c'], ...rows]);
      }),
    );
  });
});
