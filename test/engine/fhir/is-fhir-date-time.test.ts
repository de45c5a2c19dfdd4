/**
 * isFhirDateTime (fhir/dates.ts), the character scan record validation uses, accepts exactly the
 * texts of the FHIR date/dateTime/instant grammar written as a regular expression below: every
 * precision, zones, fractions up to 9 digits, surrounding spaces; not impossible days, months,
 * hours, minutes or seconds, nor anything the pattern does not allow.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isFhirDateTime } from '../../../src/engine/fhir/dates.ts';

const GRAMMAR =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;
/** The grammar plus the calendar: month 1–12, a day the month has, hour ≤ 24, minute ≤ 59, second ≤ 60. */
function oracle(text: string): boolean {
  const m = GRAMMAR.exec(text.trim());
  if (!m) {
    return false;
  }
  const [, y, mo, d, h, mi, s] = m;
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) {
    return false;
  }
  const year = Number(y);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][Number(mo) - 1]!;
  if (d !== undefined && (Number(d) < 1 || Number(d) > days)) {
    return false;
  }
  return !(Number(h ?? 0) > 24 || Number(mi ?? 0) > 59 || Number(s ?? 0) > 60);
}

const agree = (text: string) => expect(isFhirDateTime(text), JSON.stringify(text)).toBe(oracle(text));

describe('isFhirDateTime', () => {
  it('agrees with the grammar on boundary cases', () => {
    const cases = [
      '2026',
      '2026-03',
      '2026-03-04',
      '2026-03-04T10',
      '2026-03-04T10:00',
      '2026-03-04T10:00:00',
      '2026-03-04T10:00:00Z',
      '2026-03-04T10:00:00.1+05:30',
      '2026-03-04T10:00:00.123456789-05:00',
      '2026-03-04T10:00:00.1234567890Z',
      '2026-03-04T10:00:00.Z',
      '2026-03-04T24:00:00Z',
      '2026-03-04T25:00',
      '2026-03-04T10:60',
      '2026-03-04T10:59:60',
      '2026-03-04T10:59:61',
      '2026-02-29',
      '2024-02-29',
      '2000-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-00-10',
      '2026-13-01',
      '2026-01-00',
      '2026-01-32',
      ' 2026-03-04 ',
      '\n2026-03-04T10:00:00Z\t',
      '2026-03-04Z',
      '2026-03-04T10Z',
      '2026-03-04T10+05:00',
      '2026-03-04T10:00:00+5:00',
      '2026-03-04T10:00:00+05:00:00',
      '2026-03-04T10:00:00z',
      '2026-03-04t10:00',
      '26-03-04',
      '20260304',
      '2026-3-4',
      '2026-03-',
      '2026-',
      '',
      ' ',
      '04/03/2026',
      '2026-03-04T',
      '2026-03-04T1',
      '2026-03-04T10:0',
      '2026-03-04T10:00:0',
      '2026-03-04T10:00:00.',
      '0000',
      '0000-01-01',
      '٢٠٢٦',
      '2026-03-04T10:00:00+05:60',
      '2026-03-04T10:00:00-99:99',
      '2026-03-04T10:00:00.000',
      '2026-03-04T10:00.5',
    ];
    for (const c of cases) {
      agree(c);
    }
  });

  it('agrees with the grammar on generated texts', () => {
    const pieces = fc.constantFrom(
      '2',
      '0',
      '9',
      '1',
      '-',
      ':',
      'T',
      'Z',
      '+',
      '.',
      ' ',
      '3',
      '12',
      '31',
      '29',
      '02',
      '24',
      '60',
      '59',
      '00',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 16 }), (parts) => {
        agree(parts.join(''));
      }),
      { numRuns: 5000 },
    );
    const dated = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        fc.integer({ min: 0, max: 61 }),
        fc.nat(4),
        fc.nat(3),
      )
      .map(([y, mo, d, h, mi, s, cut, zone]) => {
        const p2 = (x: number) => String(x).padStart(2, '0');
        const full = `${String(y).padStart(4, '0')}-${p2(mo)}-${p2(d)}T${p2(h)}:${p2(mi)}:${p2(s)}.5`;
        const text = full.slice(0, [4, 7, 10, 13, 16, 19, 21][cut + (zone % 3)] ?? full.length);
        return text + ['', 'Z', '-05:00'][zone % 3];
      });
    fc.assert(
      fc.property(dated, (text) => {
        agree(text);
      }),
      { numRuns: 5000 },
    );
  });
});
