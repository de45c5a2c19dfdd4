/**
 * An organisation's override of the gap policy's day counts (gap-policy.ts), validated: a partial
 * policy whose every field is a known numeric field and a positive whole number. Anything else is
 * a caller error (RangeError naming the field) — a silently ignored window would change results
 * without anyone noticing. The depression instruments' cut-offs are not overridable here (their
 * shape is richer than a number; codes/screening-instruments.ts `withCutoffs`).
 */
import { DEFAULT_GAP_POLICY, type GapPolicy } from './gap-policy.ts';

/** The fields an override may set (every one a count of days, months or business days). */
export const OVERRIDABLE_GAP_POLICY_FIELDS = [
  'lookbackDays',
  'readmissionDays',
  'tcmReadmissionDays',
  'tcmContactBusinessDays',
  'edToAdmissionDays',
  'edEpisodeDays',
  'screeningLookbackDays',
  'phq9MonitoringMonths',
  'sdohFollowUpDays',
] as const satisfies readonly (keyof GapPolicy)[];

/** One overridable field. */
export type OverridableGapPolicyField = (typeof OVERRIDABLE_GAP_POLICY_FIELDS)[number];

/** A partial gap policy: the organisation's windows, the documented defaults for the rest. */
export type GapPolicyOverride = Partial<Pick<GapPolicy, OverridableGapPolicyField>>;

/** Checks an override (e.g. parsed from JSON) and returns it typed; throws a RangeError naming the bad field. */
export function validateGapPolicyOverride(input: unknown): GapPolicyOverride {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throw new RangeError('gap policy: expected an object of day counts, e.g. {"screeningLookbackDays": 10}');
  }
  const known: readonly string[] = OVERRIDABLE_GAP_POLICY_FIELDS;
  const out: GapPolicyOverride = {};
  for (const [field, value] of Object.entries(input)) {
    if (!known.includes(field)) {
      throw new RangeError(`gap policy: unknown field "${field}" (known: ${known.join(', ')})`);
    }
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
      throw new RangeError(`gap policy: ${field} must be a positive whole number (got ${JSON.stringify(value)})`);
    }
    out[field as OverridableGapPolicyField] = value;
  }
  return out;
}

/** The default policy with a validated override applied. */
export function gapPolicyWith(override: GapPolicyOverride): GapPolicy {
  return { ...DEFAULT_GAP_POLICY, ...validateGapPolicyOverride(override) };
}
