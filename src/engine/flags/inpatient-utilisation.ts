/**
 * `psych-admission-recent` and `readmission`.
 * Recent psychiatric admission: a discharge in the last 90 days from an inpatient stay whose
 * principal diagnosis is a mental illness or intentional self-harm (groups MENTAL_ILLNESS /
 * INTENTIONAL_SELF_HARM, the open approximations of the NCQA FUH lists, measures.md §5); `high`
 * within 30 days of discharge, when suicide and readmission risk peak, `moderate` after.
 * Readmission: an inpatient admission 1–30 days after the discharge of a previous stay, the later
 * admission in the last 12 months (measures.md §6; a same-day re-admission is a transfer).
 */
import type { FlagDefinition } from '../measure-definition.ts';
import type { Evidence, FlagResult } from '../types.ts';
import { DEFAULT_RISK_POLICY, type RiskPolicy } from '../config/risk-policy.ts';
import { MENTAL_ILLNESS, codingInGroup, isIntentionalSelfHarm } from '../codes/diagnosis-groups.ts';
import { codingsOf } from '../fhir/codings.ts';
import { isoDay } from '../cql/calendar-days.ts';
import { inpatientStays, principalDiagnosis, type InpatientStay } from './encounter-stays.ts';
import { withinDaysBefore } from './event-days.ts';
import { countOf, daysAgo, displayDay, humanName } from './statement-format.ts';

/** Flag ids of this family. */
export const INPATIENT_FLAG_IDS = ['psych-admission-recent', 'readmission'] as const;

function mentalHealthCoding(concept: fhir4.CodeableConcept | undefined): fhir4.Coding | undefined {
  return codingsOf(concept).find((c) => codingInGroup(MENTAL_ILLNESS, c) || isIntentionalSelfHarm(c));
}

function stayEvidence(s: InpatientStay, rule: string, display?: string): Evidence {
  const e: Evidence = { reference: s.reference, rule, date: isoDay(s.dischargeDay ?? s.admitDay) };
  if (display) {
    e.display = display;
  }
  return e;
}

/** The inpatient-use flag family under a policy. */
export function inpatientUtilisationFlags(policy: RiskPolicy = DEFAULT_RISK_POLICY): FlagDefinition {
  const p = policy.inpatient;
  return {
    ids: INPATIENT_FLAG_IDS,
    requires: ['Encounter', 'Condition'],
    evaluate(ctx) {
      const out: FlagResult[] = [];
      const stays = inpatientStays(ctx, policy);

      let psych: { stay: InpatientStay; label: string } | undefined;
      for (const s of stays) {
        if (s.dischargeDay === undefined || !withinDaysBefore(s.dischargeDay, ctx.asOfDay, p.psychDischargeDays)) {
          continue;
        }
        const dx = principalDiagnosis(ctx, s.encounter);
        const coding = mentalHealthCoding(dx);
        if (!coding) {
          continue;
        }
        if (!psych || s.dischargeDay >= (psych.stay.dischargeDay ?? 0)) {
          const text = coding.display?.trim() || humanName(dx) || 'a mental-health diagnosis';
          psych = { stay: s, label: coding.code ? `${text} (${coding.code})` : text };
        }
      }
      if (psych && psych.stay.dischargeDay !== undefined) {
        const d = psych.stay.dischargeDay;
        out.push({
          id: 'psych-admission-recent',
          severity: ctx.asOfDay - d <= p.psychDischargeHighDays ? 'high' : 'moderate',
          statement: `Discharged ${displayDay(d)} (${daysAgo(d, ctx.asOfDay)}) from an inpatient psychiatric stay for ${psych.label}, admitted ${displayDay(psych.stay.admitDay)}.`,
          evidence: [stayEvidence(psych.stay, 'psychiatric-discharge', psych.label)],
        });
      }

      const readmissions: { from: InpatientStay; to: InpatientStay; gap: number }[] = [];
      for (let i = 1; i < stays.length; i++) {
        const to = stays[i]!;
        if (!withinDaysBefore(to.admitDay, ctx.asOfDay, p.readmissionLookbackDays)) {
          continue;
        }
        // the closest earlier discharge before this admission
        let from: InpatientStay | undefined;
        for (let j = i - 1; j >= 0; j--) {
          const s = stays[j]!;
          if (
            s.dischargeDay !== undefined &&
            s.dischargeDay <= to.admitDay &&
            (!from || s.dischargeDay > from.dischargeDay!)
          ) {
            from = s;
          }
        }
        if (!from) {
          continue;
        }
        const gap = to.admitDay - from.dischargeDay!;
        if (gap > p.transferMaxDays && gap <= p.readmissionWithinDays) {
          readmissions.push({ from, to, gap });
        }
      }
      const last = readmissions[readmissions.length - 1];
      if (last) {
        const more = readmissions.length > 1 ? ` (${countOf(readmissions.length, 'readmission')} in 12 months)` : '';
        out.push({
          id: 'readmission',
          severity: 'high',
          statement: `Readmitted ${countOf(last.gap, 'day')} after discharge: discharged ${displayDay(last.from.dischargeDay!)}, readmitted ${displayDay(last.to.admitDay)}${more}.`,
          evidence: readmissions.flatMap((r) => [
            stayEvidence(r.from, 'index-stay'),
            {
              reference: r.to.reference,
              rule: 'readmission',
              date: isoDay(r.to.admitDay),
              value: `${r.gap} days after discharge`,
            },
          ]),
        });
      }
      return out;
    },
  };
}
