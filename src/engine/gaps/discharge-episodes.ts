/**
 * Discharge-based episode candidates: FUH (HEDIS) and TCM (CMS 99495/99496), with their
 * readmission rules (measures.md §5, §5.1).
 * FUH — index: discharge from an acute inpatient stay whose principal diagnosis is a mental illness
 * or intentional self-harm. A readmission or direct transfer admitted within the 30-day follow-up
 * period (the discharge day included):
 *   - to acute inpatient care for a principal mental-health diagnosis → count only the later
 *     discharge (follow the chain);
 *   - to acute inpatient care for any other principal diagnosis → exclude the index discharge;
 *   - to a nonacute setting (skilled nursing, rehabilitation, residential), whatever the
 *     diagnosis → exclude the index discharge.
 *   A discharge disposition that says "transferred to a nonacute facility" is such a transfer even
 *   when that stay is not in the record; "transferred to another hospital" without the stay in the
 *   record leaves the episode unknown (its later discharge would anchor it).
 * TCM — index: a discharge from inpatient, nonacute (SNF) or observation care to a community
 * setting (home, domiciliary, rest home, assisted living; discharge-disposition.ts). A readmission
 * before the 14-day window ends moves the anchor to the later discharge (gap-policy.ts). Death,
 * hospice and transfers are not community discharges; no disposition → unknown.
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import { isoDay } from '../cql/calendar-days.ts';
import type { GapPolicy } from './gap-policy.ts';
import { DESTINATION_LABEL, dischargeDestination } from './discharge-disposition.ts';
import { principalDiagnosis } from './encounter-facts.ts';
import { isMentalHealthDiagnosis } from '../codes/diagnosis-groups.ts';
import { hospitalStays, readmissionAfter, type HospitalStay } from './index-events.ts';
import type { EpisodeCandidate, IndexEvent, IndexRange } from './episode-types.ts';

function event(stay: HospitalStay, rule: string, day = stay.dischargeDay ?? stay.admitDay): IndexEvent {
  return { encounter: stay.encounter, reference: stay.reference, day, rule };
}

/** Discharged stays with a discharge day in the range, by discharge day. */
function dischargesIn(ctx: EvaluationContext, range: IndexRange): HospitalStay[] {
  return hospitalStays(ctx)
    .filter((s) => s.dischargeDay !== undefined && s.dischargeDay >= range.from && s.dischargeDay <= range.to)
    .sort((a, b) => a.dischargeDay! - b.dischargeDay! || a.reference.localeCompare(b.reference));
}

/** FUH candidates: mental-health acute discharges in the range with the readmission rules applied. */
export function fuhCandidates(ctx: EvaluationContext, policy: GapPolicy, range: IndexRange): EpisodeCandidate[] {
  const stays = hospitalStays(ctx);
  const consumed = new Set<HospitalStay>();
  const out: EpisodeCandidate[] = [];
  const isMh = (s: HospitalStay) => isMentalHealthDiagnosis(principalDiagnosis(ctx, s.encounter));
  for (const first of dischargesIn(ctx, range)) {
    if (first.setting !== 'acute' || consumed.has(first) || !isMh(first)) {
      continue;
    }
    const c: EpisodeCandidate = {
      index: event(first, 'mental-health-discharge'),
      anchor: event(first, 'mental-health-discharge'),
      chain: [],
      status: 'eligible',
      settlesOn: 0,
    };
    let anchor = first;
    for (;;) {
      const from = isoDay(anchor.dischargeDay!);
      const next = readmissionAfter(anchor, stays, policy.readmissionDays, ['acute', 'nonacute']);
      if (!next) {
        const dest = dischargeDestination(anchor.encounter);
        if (dest === 'nonacute-facility') {
          c.status = 'ineligible';
          c.reason = `Discharged on ${from} to ${DESTINATION_LABEL[dest]}: HEDIS FUH excludes a discharge followed by a direct transfer to a nonacute setting.`;
        } else if (dest === 'acute-facility' || dest === 'other-facility') {
          c.status = 'unknown';
          c.reason = `Discharged on ${from} to ${DESTINATION_LABEL[dest]}, a stay not in the record: under HEDIS FUH that transfer decides whether (and from which discharge) follow-up counts.`;
        }
        break;
      }
      consumed.add(next);
      const admitted = isoDay(next.admitDay);
      if (next.setting === 'nonacute') {
        c.chain.push(event(next, 'nonacute-readmission', next.admitDay));
        c.status = 'ineligible';
        c.reason = `Admitted to a nonacute setting on ${admitted}, within ${policy.readmissionDays} days of the discharge of ${from}: HEDIS FUH excludes that discharge.`;
        break;
      }
      if (!isMh(next)) {
        c.chain.push(event(next, 'non-mental-health-readmission', next.admitDay));
        c.status = 'ineligible';
        c.reason = `Readmitted on ${admitted} for a principal diagnosis that is not mental health, within ${policy.readmissionDays} days of the discharge of ${from}: HEDIS FUH excludes both discharges.`;
        break;
      }
      if (next.dischargeDay === undefined) {
        c.chain.push(event(next, 'mental-health-readmission', next.admitDay));
        c.status = 'pending';
        c.reason = `Readmitted on ${admitted} after the mental-health discharge of ${from}; the follow-up window starts at the later discharge.`;
        break;
      }
      anchor = next;
      c.chain.push(event(next, 'readmission-discharge'));
      c.anchor = event(next, 'readmission-discharge');
      c.note = `Readmitted within ${policy.readmissionDays} days; the window runs from the later discharge.`;
    }
    c.settlesOn = c.anchor.day + policy.readmissionDays;
    out.push(c);
  }
  return out;
}

const NOT_COMMUNITY: Readonly<Record<string, string>> = {
  expired: 'The patient died during the stay (discharge disposition "expired")',
  hospice: 'Discharged to hospice care, not to a community setting',
  'nonacute-facility':
    'Transferred to a skilled-nursing, rehabilitation or other nonacute facility, not to a community setting',
  'acute-facility': 'Transferred to another hospital, not to a community setting',
  'other-facility': 'Transferred to another healthcare facility, not to a community setting',
};

/** TCM candidates: discharges (inpatient, nonacute, observation) in the range, judged by where the patient went. */
export function tcmCandidates(ctx: EvaluationContext, policy: GapPolicy, range: IndexRange): EpisodeCandidate[] {
  const stays = hospitalStays(ctx);
  const consumed = new Set<HospitalStay>();
  const out: EpisodeCandidate[] = [];
  for (const first of dischargesIn(ctx, range)) {
    if (consumed.has(first)) {
      continue;
    }
    const c: EpisodeCandidate = {
      index: event(first, 'inpatient-discharge'),
      anchor: event(first, 'inpatient-discharge'),
      chain: [],
      status: 'eligible',
      settlesOn: 0,
    };
    let anchor = first;
    for (;;) {
      const next = readmissionAfter(anchor, stays, policy.tcmReadmissionDays, ['acute', 'nonacute', 'observation']);
      if (!next) {
        break;
      }
      consumed.add(next);
      if (next.dischargeDay === undefined) {
        c.chain.push(event(next, 'readmission', next.admitDay));
        c.status = 'pending';
        c.reason = `In hospital or a care facility since ${isoDay(next.admitDay)}; the transitional-care windows start at that discharge.`;
        break;
      }
      anchor = next;
      c.chain.push(event(next, 'readmission-discharge'));
      c.anchor = event(next, 'inpatient-discharge');
      c.note = `Readmitted or transferred within ${policy.tcmReadmissionDays} days; the windows run from the later discharge.`;
    }
    if (c.status === 'eligible') {
      const dest = dischargeDestination(anchor.encounter);
      const on = isoDay(anchor.dischargeDay!);
      if (dest === 'unknown' || dest === 'not-recorded') {
        c.status = 'unknown';
        c.reason = `${dest === 'not-recorded' ? 'No discharge disposition is recorded' : 'The discharge disposition does not say where the patient went'} for the discharge of ${on}: TCM applies only to a discharge to a community setting (home, domiciliary, rest home, assisted living — CMS), so whether it applies is unknown.`;
      } else if (dest !== 'community') {
        c.status = 'ineligible';
        c.reason = `${NOT_COMMUNITY[dest]} on ${on}: CMS TCM starts only with a discharge to a community setting.`;
      }
    }
    c.settlesOn = c.anchor.day + policy.tcmReadmissionDays;
    out.push(c);
  }
  return out;
}
