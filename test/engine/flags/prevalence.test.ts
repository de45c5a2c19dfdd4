/**
 * Check against reality: the flags over the sandbox's seeded synthetic panel (named patients + 200
 * generated, anchor 2026-11-23). Every flag id must fire for at least one patient and be absent
 * for at least one; the prevalence table (flag → share of patients) is printed to the test output.
 */
import { describe, expect, it } from 'vitest';
import { generatePanel, DEFAULT_SEED } from '../../../launch/sandbox/data/generate-panel.ts';
import { recordFromResources } from '../../../src/engine/record.ts';
import { EvaluationContext } from '../../../src/engine/evaluation-context.ts';
import { builtinValueSets } from '../../../src/engine/valuesets/index.ts';
import { FLAG_FAMILIES } from '../../../src/engine/flags/index.ts';

const ANCHOR = '2026-11-23';
const PERIOD = { start: '2026-01-01', end: '2026-12-31' };

/** Every flag id the engine can emit (sdoh-need per domain). */
const ALL_FLAG_IDS = [
  'suicide-risk',
  'smi',
  'sud',
  'smi-sud',
  'psych-admission-recent',
  'readmission',
  'ed-frequent',
  'ed-recent',
  'depression-severity',
  'anxiety-severity',
  'sdoh-need:food',
  'sdoh-need:housing',
  'sdoh-need:transportation',
  'sdoh-need:utilities',
  'sdoh-need:safety',
  'multiple-chronic-conditions',
  'polypharmacy',
  'high-needs-approx',
];

describe('flag prevalence on the synthetic panel', () => {
  const patients = [...generatePanel({ seed: DEFAULT_SEED, count: 200, anchorDate: ANCHOR })];
  const results = patients.map((p) => {
    const ctx = new EvaluationContext(recordFromResources(p.resources), PERIOD, ANCHOR, builtinValueSets());
    const flags = FLAG_FAMILIES.flatMap((f) => f.evaluate(ctx));
    return { id: p.id, flags };
  });
  const counts = new Map<string, number>(ALL_FLAG_IDS.map((id) => [id, 0]));
  for (const r of results) {
    for (const id of new Set(r.flags.map((f) => f.id))) {
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }

  it('prints the prevalence table', () => {
    const n = results.length;
    const high = (id: string) =>
      results.filter((r) => r.flags.some((f) => f.id === id && f.severity === 'high')).length;
    const lines = [...counts].map(
      ([id, c]) =>
        `${id.padEnd(30)} ${String(c).padStart(4)} / ${n}  ${((100 * c) / n).toFixed(1).padStart(5)}%  (high ${high(id)})`,
    );
    console.log(
      `Flag prevalence, ${n} synthetic patients (seed ${DEFAULT_SEED}, anchor ${ANCHOR}):\n${lines.join('\n')}`,
    );
    expect(n).toBeGreaterThanOrEqual(200);
  });

  it('emits only known flag ids', () => {
    const unknown = results.flatMap((r) => r.flags.map((f) => f.id)).filter((id) => !ALL_FLAG_IDS.includes(id));
    expect(unknown).toEqual([]);
  });

  it.each(ALL_FLAG_IDS)('%s fires for at least one patient and is absent for at least one', (id) => {
    const c = counts.get(id) ?? 0;
    expect(c, `${id} never fires on the synthetic panel`).toBeGreaterThan(0);
    expect(c, `${id} fires for every patient`).toBeLessThan(results.length);
  });

  it('grades utilisation and medication burden at both severities (≥ 4 and ≥ 8 ED visits, ≥ 5 and ≥ 10 medications)', () => {
    const severities = (id: string) =>
      new Set(results.flatMap((r) => r.flags.filter((f) => f.id === id).map((f) => f.severity)));
    expect([...severities('ed-frequent')].sort()).toEqual(['high', 'moderate']);
    expect([...severities('polypharmacy')].sort()).toEqual(['high', 'moderate']);
  });

  it('flags the named scenario patients as their labels say', () => {
    const of = (pid: string) => results.find((r) => r.id === pid)?.flags.map((f) => f.id) ?? [];
    expect(of('suicide-risk')[0]).toBe('suicide-risk');
    expect(of('ed-frequent')).toContain('ed-frequent');
    expect(of('psych-discharge-recent')).toContain('psych-admission-recent');
    expect(of('sdoh-food-positive')).toContain('sdoh-need:food');
    expect(of('empty')).toEqual([]);
  });
});
