/**
 * `high-needs-approx`: an APPROXIMATION of the ACO REACH / LEAD high-needs eligibility criteria
 * from EHR data (measures.md §4). CMS decides eligibility from claims and CMS-HCC risk scores,
 * which a SMART app cannot see, so the flag names the criterion that matched and says
 * "approximation". Criteria checked:
 *  1. a current condition impairing mobility or neurological function (MOBILITY_IMPAIRING);
 *  2. frailty: a DeviceRequest for a home hospital bed or patient-transfer equipment (HCPCS
 *     E0250–E0304 / E0621–E0640, SNOMED hospital bed) or a current diagnosis in the eCQM
 *     "Frailty Diagnosis" value set;
 *  3. ≥ 2 unplanned inpatient admissions in the last 12 months: admitted through the ED (admit
 *     source `emd`, or an ED visit on the admission day or the day before), emergency / urgent
 *     priority, or an emergency-admission type. (The risk-score criteria cannot be computed.)
 */
import type { FlagDefinition } from '../measure-definition.ts';
import type { Evidence } from '../types.ts';
import { DEFAULT_RISK_POLICY, FRAILTY_DEVICE_SYSTEM, type RiskPolicy } from '../config/risk-policy.ts';
import { MOBILITY_IMPAIRING } from '../codes/diagnosis-groups.ts';
import { normalizeSystem } from '../codes/code-systems.ts';
import { FRAILTY_DIAGNOSIS } from '../valuesets/catalog/frailty-diagnosis.ts';
import { codingsOf } from '../fhir/codings.ts';
import { isoDay } from '../cql/calendar-days.ts';
import { anyCodingIn } from './coded-readings.ts';
import { conditionEvidence, conditionLabel, currentConditions, currentInGroup } from './current-conditions.ts';
import { edVisits, inpatientStays, type InpatientStay } from './encounter-stays.ts';
import { dateDay, refOf, withinDaysBefore } from './event-days.ts';
import { displayDay, listOf, humanName } from './statement-format.ts';

/** Flag ids of this family. */
export const HIGH_NEEDS_FLAG_IDS = ['high-needs-approx'] as const;

/** DeviceRequest statuses that do not mean the device was ordered. */
const NOT_ORDERED = new Set(['entered-in-error', 'revoked', 'draft']);

function frailtyDevice(policy: RiskPolicy, concept: fhir4.CodeableConcept | undefined): boolean {
  const codings = codingsOf(concept);
  if (anyCodingIn(codings, policy.highNeeds.frailtyDeviceCodes)) {
    return true;
  }
  return codings.some((c) => {
    if (!c.system || !c.code || normalizeSystem(c.system) !== FRAILTY_DEVICE_SYSTEM) {
      return false;
    }
    const code = c.code.trim().toUpperCase();
    return policy.highNeeds.frailtyDeviceHcpcsRanges.some(
      ([from, to]) => code.length === from.length && code >= from && code <= to,
    );
  });
}

function unplanned(policy: RiskPolicy, stay: InpatientStay, edDays: ReadonlySet<number>): boolean {
  const enc = stay.encounter;
  const hn = policy.highNeeds;
  if (codingsOf(enc.hospitalization?.admitSource).some((c) => hn.emergencyAdmitSources.includes(c.code ?? ''))) {
    return true;
  }
  if (codingsOf(enc.priority).some((c) => hn.unplannedPriorities.includes(c.code ?? ''))) {
    return true;
  }
  if (Array.isArray(enc.type) && enc.type.some((t) => anyCodingIn(codingsOf(t), hn.unplannedAdmissionTypes))) {
    return true;
  }
  return edDays.has(stay.admitDay) || edDays.has(stay.admitDay - 1);
}

/** The high-needs approximation flag family under a policy. */
export function highNeedsFlags(policy: RiskPolicy = DEFAULT_RISK_POLICY): FlagDefinition {
  const hn = policy.highNeeds;
  return {
    ids: HIGH_NEEDS_FLAG_IDS,
    requires: ['Condition', 'Encounter', 'DeviceRequest'],
    evaluate(ctx) {
      const criteria: string[] = [];
      const evidence: Evidence[] = [];

      const mobility = currentInGroup(ctx, policy, MOBILITY_IMPAIRING);
      if (mobility.length) {
        criteria.push(
          `mobility-impairing diagnosis (${listOf([...new Set(mobility.map((c) => conditionLabel(MOBILITY_IMPAIRING, c.condition)))])})`,
        );
        evidence.push(...mobility.map((c) => conditionEvidence('mobility-impairing-diagnosis', MOBILITY_IMPAIRING, c)));
      }

      // a device ordered after asOf was not ordered yet on asOf
      const devices = ctx
        .ofType<fhir4.DeviceRequest>('DeviceRequest')
        .filter((d) => d && !NOT_ORDERED.has(d.status ?? '') && frailtyDevice(policy, d.codeCodeableConcept))
        .filter((d) => {
          const day =
            dateDay(ctx, d, 'authoredOn', d.authoredOn) ?? dateDay(ctx, d, 'occurrenceDateTime', d.occurrenceDateTime);
          return day === undefined || day <= ctx.asOfDay;
        });
      const frailtyDx = currentConditions(ctx, policy).filter((c) =>
        ctx.valueSets.hasConcept(FRAILTY_DIAGNOSIS.url, c.condition.code),
      );
      if (devices.length || frailtyDx.length) {
        const what = [
          ...devices.map((d) => humanName(d.codeCodeableConcept) ?? 'frailty equipment'),
          ...frailtyDx.map((c) => humanName(c.condition.code) ?? 'frailty diagnosis'),
        ];
        criteria.push(`frailty indicator (${listOf([...new Set(what)])})`);
        evidence.push(
          ...devices.map((d) => ({
            reference: refOf(d),
            rule: 'frailty-device',
            ...(d.authoredOn ? { date: d.authoredOn.slice(0, 10) } : {}),
          })),
        );
        evidence.push(
          ...frailtyDx.map((c) => ({
            reference: refOf(c.condition),
            rule: 'frailty-diagnosis',
            ...(c.day !== undefined ? { date: isoDay(c.day) } : {}),
          })),
        );
      }

      const edDays = new Set(edVisits(ctx).map((v) => v.day));
      const admissions = inpatientStays(ctx, policy).filter(
        (s) => withinDaysBefore(s.admitDay, ctx.asOfDay, hn.unplannedLookbackDays) && unplanned(policy, s, edDays),
      );
      if (admissions.length >= hn.unplannedAdmissionsMin) {
        criteria.push(
          `${admissions.length} unplanned admissions in 12 months (${listOf(admissions.map((s) => displayDay(s.admitDay)))})`,
        );
        evidence.push(
          ...admissions.map((s) => ({ reference: s.reference, rule: 'unplanned-admission', date: isoDay(s.admitDay) })),
        );
      }

      if (!criteria.length) {
        return [];
      }
      return [
        {
          id: 'high-needs-approx',
          severity: hn.severity,
          statement: `Possible high-needs patient (approximation of the LEAD/REACH criteria from EHR data): ${criteria.join('; ')}.`,
          evidence,
        },
      ];
    },
  };
}
