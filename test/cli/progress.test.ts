/** Progress reporting of long CLI runs: periodic lines off a terminal, a redrawn bar on one, silence with --quiet. */
import { describe, expect, it } from 'vitest';
import { Progress, formatDuration } from '../../src/cli/progress.ts';

function harness(tty: boolean, quiet = false) {
  let t = 0;
  const out: string[] = [];
  const p = new Progress({ write: (s) => out.push(s), tty, quiet, intervalMs: 2000, now: () => t });
  return { p, out, at: (ms: number) => (t = ms) };
}

describe('progress', () => {
  it('prints nothing before the first 2 s, then one line per 2 s off a terminal', () => {
    const h = harness(false);
    h.p.begin('evaluating', 10_000, 'patients');
    h.at(1999);
    h.p.tick(1000);
    expect(h.out).toEqual([]);
    h.at(2000);
    h.p.tick(1000);
    expect(h.out).toEqual(['caregap: evaluating: 2000 of 10000 patients (20%), 1000 patients/s, about 8 s left\n']);
    h.at(3000);
    h.p.tick(1);
    expect(h.out).toHaveLength(1);
  });

  it('redraws a bar in place on a terminal and clears it at the end', () => {
    const h = harness(true);
    h.p.begin('evaluating', 100, 'patients');
    h.at(100);
    h.p.tick(50);
    // eslint-disable-next-line no-control-regex -- the ANSI erase-line escape is what is tested
    expect(h.out[0]).toMatch(/^\r\x1b\[2Kcaregap: evaluating \[#{12}\.{12}\] 50 of 100 patients/);
    h.p.end();
    expect(h.out[1]).toBe('\r\x1b[2K');
  });

  it('stays silent with --quiet', () => {
    const h = harness(true, true);
    h.p.begin('evaluating', 100, 'patients');
    h.at(60_000);
    h.p.tick(100);
    h.p.end();
    expect(h.out).toEqual([]);
  });

  it('formats durations in seconds and minutes', () => {
    expect([formatDuration(42.4), formatDuration(185), formatDuration(-1)]).toEqual(['42 s', '3 min 5 s', '0 s']);
  });
});
