/**
 * Targets per measure rate, from targets.json beside this file: `{ measure, group?, rate }` with the
 * rate a fraction 0–1; for an inverse measure (CMS122, lower is better) the target is a ceiling.
 * The shipped values are examples (`"examples": true`, and the screen says so): an organisation
 * puts its own contract targets there before building. A malformed file fails loudly at load,
 * naming the entry and field, rather than showing a wrong target.
 */
import shipped from './targets.json';
import { measureKey } from './population-summary.ts';

/** The target of one measure rate. */
export interface MeasureTarget {
  /** measureKey: the measure id, or `id/group` for one rate of several. */
  key: string;
  rate: number;
}

/** Loaded targets. */
export interface TargetConfig {
  /** True when the values are illustrative, not the organisation's. */
  examples: boolean;
  note?: string;
  byKey: ReadonlyMap<string, MeasureTarget>;
}

/** How a rate stands against its target. */
export interface TargetStanding {
  target: number;
  meets: boolean;
  /** Rate − target in whole percentage points (negative = below). */
  points: number;
}

/** Parses and checks a targets file; throws an Error naming the bad entry and field. */
export function parseTargets(json: unknown): TargetConfig {
  const o = json as { examples?: unknown; note?: unknown; targets?: unknown };
  if (!o || typeof o !== 'object' || !Array.isArray(o.targets)) {
    throw new Error('targets.json: "targets" must be an array');
  }
  const byKey = new Map<string, MeasureTarget>();
  o.targets.forEach((t: { measure?: unknown; group?: unknown; rate?: unknown }, i: number) => {
    if (typeof t?.measure !== 'string' || !t.measure) {
      throw new Error(`targets.json: targets[${i}].measure must be a measure id`);
    }
    if (t.group !== undefined && typeof t.group !== 'string') {
      throw new Error(`targets.json: targets[${i}].group must be a group id`);
    }
    if (typeof t.rate !== 'number' || !(t.rate >= 0 && t.rate <= 1)) {
      throw new Error(`targets.json: targets[${i}].rate must be a fraction from 0 to 1`);
    }
    const key = measureKey(t.measure, t.group as string | undefined);
    if (byKey.has(key)) {
      throw new Error(`targets.json: targets[${i}] repeats the target of ${key}`);
    }
    byKey.set(key, { key, rate: t.rate });
  });
  return { examples: o.examples === true, ...(typeof o.note === 'string' ? { note: o.note } : {}), byKey };
}

/** The targets shipped with the app. */
export const TARGETS: TargetConfig = parseTargets(shipped);

/** How `rate` stands against `target` (a ceiling when `inverse`); undefined without both. */
export function standing(
  rate: number | undefined,
  target: MeasureTarget | undefined,
  inverse: boolean,
): TargetStanding | undefined {
  if (rate === undefined || !target) {
    return undefined;
  }
  const points = Math.round((rate - target.rate) * 100);
  return { target: target.rate, meets: inverse ? rate <= target.rate : rate >= target.rate, points };
}
