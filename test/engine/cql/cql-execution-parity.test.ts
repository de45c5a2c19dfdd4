/**
 * The engine's CQL date model (src/engine/cql/) answers exactly as cql-execution 3.3.2 — the
 * engine fqm-execution runs — on generated values: every precision from year to millisecond,
 * written offsets from −10:00 to +14:00 (and none, which both read in UTC: the declared offset),
 * values on and around midnight, month ends and leap days, Dates beside DateTimes. Compared:
 * parsing (the CQL text), every comparison at every precision, `=`, calendar arithmetic, the
 * interval operators with closed, open and null boundaries, and whole years between Dates.
 * cql-execution reads a value without an offset in the machine's zone: this file runs it in UTC.
 */
process.env.TZ = 'UTC';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { add, yearsBetween } from '../../../src/engine/cql/date-time-arithmetic.ts';
import { after, before, equal, sameAs, sameOrAfter, sameOrBefore } from '../../../src/engine/cql/date-time-compare.ts';
import {
  cqlText,
  dateFrom,
  parseDate,
  parseDateTime,
  type CqlDateTime,
  type Precision,
} from '../../../src/engine/cql/date-time.ts';
import {
  contains,
  endOf,
  includedIn,
  interval,
  overlaps,
  overlapsAfter,
  startOf,
  type CqlInterval,
} from '../../../src/engine/cql/interval.ts';

type Any = any;
let cql: Any;
beforeAll(async () => {
  cql = await import('cql-execution');
});

const PRECISIONS = ['year', 'month', 'day', 'hour', 'minute', 'second', 'millisecond'] as const;
const OFFSETS = [
  '',
  'Z',
  '-10:00',
  '-09:30',
  '-08:00',
  '-05:00',
  '-04:00',
  '-03:30',
  '+00:00',
  '+01:00',
  '+02:00',
  '+05:30',
  '+05:45',
  '+09:00',
  '+12:45',
  '+13:00',
  '+14:00',
];
const p2 = (n: number) => String(n).padStart(2, '0');

/** FHIR dateTime texts clustered around day, month and year boundaries so that comparisons often tie. */
const dateTimeText = fc
  .record({
    y: fc.constantFrom(2025, 2026, 2027, 2028),
    mo: fc.constantFrom(1, 2, 3, 11, 12),
    d: fc.constantFrom(1, 2, 28, 29, 30, 31),
    h: fc.constantFrom(0, 1, 4, 12, 19, 22, 23),
    mi: fc.constantFrom(0, 30, 59),
    s: fc.constantFrom(0, 59),
    ms: fc.constantFrom('0', '5', '999', '123456'),
    cut: fc.integer({ min: 0, max: 6 }),
    zone: fc.constantFrom(...OFFSETS),
  })
  .map(({ y, mo, d, h, mi, s, ms, cut, zone }) => {
    const dim = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    const parts = [
      String(y),
      `-${p2(mo)}`,
      `-${p2(Math.min(d, dim))}`,
      `T${p2(h)}`,
      `:${p2(mi)}`,
      `:${p2(s)}`,
      `.${ms}`,
    ];
    const text = parts.slice(0, cut + 1).join('');
    return cut >= 3 ? text + zone : text;
  });

const theirsOf = (text: string): Any => cql.DateTime.parse(text.replace('Z', '+00:00'));
const precisionArb = fc.constantFrom<Precision | undefined>(undefined, 0, 1, 2, 3, 4);
const norm = (x: unknown) => (x === undefined ? null : x);
const textOf = (v: Any) => (v == null ? null : v.toString());

/** A value on both sides: ours and cql-execution's, a Date one time in four. */
const valuePair = fc.tuple(dateTimeText, fc.nat(3)).map(([text, k]) => {
  if (k === 0) {
    return { ours: parseDate(text)!, theirs: theirsOf(text).getDate(), text: `date ${text}` };
  }
  return { ours: parseDateTime(text)!, theirs: theirsOf(text), text };
});

const RUNS = { numRuns: 3000 };

describe('CQL DateTime values read from FHIR text', () => {
  it('parse to the same fields, offset and CQL text', () => {
    fc.assert(
      fc.property(dateTimeText, (text) => {
        const ours = parseDateTime(text);
        expect(ours, text).not.toBeNull();
        expect(cqlText(ours!), text).toBe(theirsOf(text).toString());
        expect(cqlText(dateFrom(ours!)), text).toBe(theirsOf(text).getDate().toString());
      }),
      RUNS,
    );
  });

  it('reject what cql-execution cannot read (spaces, hour 25, second 60, impossible days)', () => {
    for (const text of [
      ' 2026-03-04',
      '2026-03-04T25:00:00Z',
      '2026-03-04T10:59:60Z',
      '2026-02-30',
      '2026-13-01',
      '2026-03-04T10:00:00+0500',
      'March 4',
    ]) {
      expect(parseDateTime(text), text).toBeNull();
      expect(theirsOf(text), text).toBeNull();
    }
  });
});

describe('comparisons at every precision', () => {
  const ops: [string, (a: CqlDateTime, b: CqlDateTime, p?: Precision) => unknown, string][] = [
    ['sameOrBefore', sameOrBefore, 'sameOrBefore'],
    ['sameOrAfter', sameOrAfter, 'sameOrAfter'],
    ['before', before, 'before'],
    ['after', after, 'after'],
    ['sameAs', sameAs, 'sameAs'],
  ];
  for (const [name, ours, theirs] of ops) {
    it(`${name} answers as cql-execution (true, false or null)`, () => {
      fc.assert(
        fc.property(valuePair, valuePair, precisionArb, (a, b, p) => {
          if ((a.ours.isDate || b.ours.isDate) && p !== undefined && p > 2) {
            return;
          }
          const expected = norm(a.theirs[theirs](b.theirs, p === undefined ? undefined : PRECISIONS[p]));
          expect(ours(a.ours, b.ours, p), `${a.text} ${name} ${b.text} @${p}`).toBe(expected);
        }),
        RUNS,
      );
    });
  }

  it('= answers as cql-execution', () => {
    fc.assert(
      fc.property(valuePair, valuePair, (a, b) => {
        expect(equal(a.ours, b.ours), `${a.text} = ${b.text}`).toBe(norm(a.theirs.equals(b.theirs)));
      }),
      RUNS,
    );
  });
});

describe('calendar arithmetic', () => {
  it('adds and subtracts years, months, days and hours as cql-execution (month-end clamp, imprecise values)', () => {
    fc.assert(
      fc.property(
        valuePair,
        fc.integer({ min: -30, max: 30 }),
        fc.constantFrom<Precision>(0, 1, 2, 3),
        (v, n, unit) => {
          if (v.ours.isDate && unit > 2) {
            return;
          }
          const expected = textOf(v.theirs.copy().add(n, PRECISIONS[unit]));
          const got = add(v.ours, n, unit);
          expect(got ? cqlText(got) : null, `${v.text} + ${n} ${PRECISIONS[unit]}`).toBe(expected);
        },
      ),
      RUNS,
    );
  });

  it('counts whole years between Dates as CalculateAgeAt does (Feb 29, year- and month-only births)', () => {
    const dateText = dateTimeText.map((t) => t.slice(0, 10));
    fc.assert(
      fc.property(dateText, dateText, (a, b) => {
        const u = theirsOf(a).getDate().durationBetween(theirsOf(b).getDate(), 'year');
        const ours = yearsBetween(parseDate(a)!, parseDate(b)!);
        expect(ours, `${a} → ${b}`).toEqual({ low: u.low, high: u.high });
      }),
      RUNS,
    );
    expect(yearsBetween(parseDate('2008-02-29')!, parseDate('2026-02-28')!)).toEqual({ low: 18, high: 18 });
  });
});

describe('interval operators', () => {
  /** An interval of DateTimes: either end missing one time in five, open one time in four. */
  const dtPair = fc.tuple(dateTimeText).map(([t]) => ({ ours: parseDateTime(t)!, theirs: theirsOf(t), text: t }));
  const ivPair = fc
    .tuple(
      fc.option(dtPair, { freq: 4 }),
      fc.option(dtPair, { freq: 4 }),
      fc.boolean(),
      fc.boolean(),
      fc.nat(3),
      fc.nat(3),
    )
    .map(([lo, hi, lc, hc, ol, oh]) => {
      const lowClosed = ol === 0 ? false : lc || lo === null;
      const highClosed = oh === 0 ? false : hc || hi === null;
      const ours: CqlInterval = interval(lo?.ours ?? null, hi?.ours ?? null, lowClosed, highClosed);
      const theirs = new cql.Interval(lo?.theirs ?? null, hi?.theirs ?? null, lowClosed, highClosed);
      return {
        ours,
        theirs,
        text: `${lowClosed ? '[' : '('}${lo?.text ?? 'null'}, ${hi?.text ?? 'null'}${highClosed ? ']' : ')'}`,
      };
    });
  const dayOrNone = fc.constantFrom<Precision | undefined>(undefined, 2);
  const safe = (f: () => unknown) => {
    try {
      return norm(f());
    } catch {
      return 'throws';
    }
  };

  it('start of / end of', () => {
    fc.assert(
      fc.property(ivPair, (iv) => {
        expect(textOf(startOf(iv.ours) && { toString: () => cqlText(startOf(iv.ours)!) }), iv.text).toBe(
          textOf(iv.theirs.start()),
        );
        expect(textOf(endOf(iv.ours) && { toString: () => cqlText(endOf(iv.ours)!) }), iv.text).toBe(
          textOf(iv.theirs.end()),
        );
      }),
      RUNS,
    );
  });

  it('point in interval (at day precision and without)', () => {
    fc.assert(
      fc.property(ivPair, dtPair, dayOrNone, (iv, pt, p) => {
        const expected = safe(() => iv.theirs.contains(pt.theirs, p === undefined ? undefined : PRECISIONS[p]));
        if (expected === 'throws') {
          return;
        }
        expect(contains(iv.ours, pt.ours, p), `${pt.text} in ${iv.text} @${p}`).toBe(expected);
      }),
      RUNS,
    );
  });

  it('included in / during, overlaps, overlaps after', () => {
    fc.assert(
      fc.property(ivPair, ivPair, dayOrNone, (a, b, p) => {
        const prec = p === undefined ? undefined : PRECISIONS[p];
        const cases: [unknown, () => unknown, string][] = [
          [includedIn(a.ours, b.ours, p), () => b.theirs.includes(a.theirs, prec), 'during'],
          [overlaps(a.ours, b.ours, p), () => a.theirs.overlaps(b.theirs, prec), 'overlaps'],
          [overlapsAfter(a.ours, b.ours, p), () => a.theirs.overlapsAfter(b.theirs, prec), 'overlaps after'],
        ];
        for (const [ours, theirs, name] of cases) {
          const expected = safe(theirs);
          if (expected === 'throws') {
            continue;
          }
          expect(ours, `${a.text} ${name} ${b.text} @${p}`).toBe(expected);
        }
      }),
      RUNS,
    );
  });
});
