/**
 * CSV cells are RFC 4180-quoted and formula-safe (OWASP CSV Injection): a cell a spreadsheet would
 * run as a formula (=, +, -, @, tab, CR first — also after leading spaces, and the full-width
 * forms) gets a leading quote; every cell reads back exactly (fast-check round trip).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, csvLine, looksLikeFormula, neutraliseFormula } from '../../../src/engine/report/csv-cell.ts';
import { parseCsv } from './parse-csv.ts';

describe('formula-safe CSV cells', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+15551234', "'+15551234"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ["  =cmd|' /C calc'!A0", "'  =cmd|' /C calc'!A0"],
    ['＝1+1', "'＝1+1"],
  ])('neutralises %j', (hostile, safe) => {
    expect(looksLikeFormula(hostile)).toBe(true);
    expect(neutraliseFormula(hostile)).toBe(safe);
  });

  it('neutralises a carriage return first and quotes it', () => {
    expect(csvField('\r=1')).toBe('"\'\r=1"');
  });

  it('leaves ordinary text alone: names, dates, MRNs, hyphens and at-signs inside', () => {
    for (const s of ['Ana Rivera', "O'Brien-Smith", '1976-02-29', 'MRN-0042', 'ana@example.org', 'a=b', '3 - 1']) {
      expect(csvField(s)).toBe(s);
    }
  });

  it('writes numbers it computed as numbers (a count, days left), never prefixed', () => {
    expect(csvLine([0, 12, -3, undefined, 'x'])).toBe('0,12,-3,,x');
  });

  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', 'plain'])).toBe('"a,b","say ""hi""","two\nlines",plain');
  });

  it('neutralises and quotes a hostile cell that also holds a comma and quotes', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
  });

  it('reads back every cell exactly (after the neutralising quote) and keeps the field count', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r', '=', '+', '-', '@', '\t', "'", 'é') }),
          { minLength: 1, maxLength: 6 },
        ),
        (cells) => {
          const [row] = parseCsv(csvLine(cells) + '\r\n');
          expect(row).toEqual(cells.map(neutraliseFormula));
          for (const c of row!) {
            expect(looksLikeFormula(c)).toBe(false);
          }
        },
      ),
    );
  });
});
