/**
 * The CLI's one problem collector (src/cli/problem-log.ts, #16 §5): problems filed in any order by
 * any pass or thread come out in input order — before any input first, then by file and line,
 * ties in the order found — each distinct problem once.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ProblemLog, formatProblem, type InputProblem } from '../../src/cli/problem-log.ts';

const p = (file: string, message: string, line?: number): InputProblem => ({
  file,
  message,
  ...(line !== undefined ? { line } : {}),
});

describe('ProblemLog', () => {
  it('orders by position in the input whatever the order found, ties in the order found', () => {
    const log = new ProblemLog();
    log.add(p('b.ndjson', 'late line', 9), 1);
    log.add(p('a.ndjson', 'second at line 3', 3), 0);
    log.add(p('missing', 'cannot read: ENOENT'));
    log.add(p('a.ndjson', 'first line', 1), 0);
    log.add(p('a.ndjson', 'third at line 3', 3), 0);
    log.add(p('b.ndjson', 'whole file'), 1, -1);
    log.add(p('a.ndjson', 'after every line'), 0, Infinity);
    expect(log.ordered().map(formatProblem)).toEqual([
      'missing: cannot read: ENOENT',
      'a.ndjson:1: first line',
      'a.ndjson:3: second at line 3',
      'a.ndjson:3: third at line 3',
      'a.ndjson: after every line',
      'b.ndjson: whole file',
      'b.ndjson:9: late line',
    ]);
    expect(log.count).toBe(7);
  });

  it('keeps one copy of a problem filed twice for the same file (a patient split over shards)', () => {
    const log = new ProblemLog();
    log.add(p('a.ndjson', 'invalid JSON', 4), 0);
    log.add(p('a.ndjson', 'invalid JSON', 4), 0);
    log.add(p('a.ndjson', 'invalid JSON', 5), 0);
    expect(log.ordered().map(formatProblem)).toEqual(['a.ndjson:4: invalid JSON', 'a.ndjson:5: invalid JSON']);
  });

  it('gives the order of a stable sort by (file, line) for any arrival order (the same output for any --jobs)', () => {
    const entry = fc.record({
      file: fc.integer({ min: -1, max: 3 }),
      line: fc.integer({ min: -1, max: 6 }),
      message: fc.constantFrom('x', 'y', 'z'),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), (entries) => {
        const log = new ProblemLog();
        const seen = new Set<string>();
        const expected: { file: number; line: number; text: string }[] = [];
        for (const e of entries) {
          const problem = p(`f${e.file}`, e.message, e.line);
          log.add(problem, e.file, e.line);
          const key = `${e.file}\u0000${formatProblem(problem)}`;
          if (!seen.has(key)) {
            seen.add(key);
            expected.push({ file: e.file, line: e.line, text: formatProblem(problem) });
          }
        }
        const sorted = [...expected].sort((a, b) => a.file - b.file || a.line - b.line).map((e) => e.text);
        expect(log.ordered().map(formatProblem)).toEqual(sorted);
      }),
    );
  });
});
