/**
 * `polypharmacy`: the number of distinct active medications — MedicationRequests with status
 * active and intent order (or an order subtype) or plan — `moderate` from 5, `high` from 10
 * (measures.md §6: ≥ 5 concurrent medications is the common convention, ≥ 10 "hyper-polypharmacy").
 * Distinct by RxNorm code, else by any code, else by the Medication reference or text. Without an
 * RxNorm ingredient map, two strengths of one drug count twice (documented limitation).
 * As of asOf: a prescription written after asOf (authoredOn later than asOf) is not on the list
 * yet; one without authoredOn counts (its status says it is active).
 */
import type { FlagDefinition } from '../measure-definition.ts';
import type { Evidence } from '../types.ts';
import { DEFAULT_RISK_POLICY, type RiskPolicy } from '../config/risk-policy.ts';
import { RXNORM, normalizeSystem } from '../codes/code-systems.ts';
import { codingsOf } from '../fhir/codings.ts';
import { dateDay, refOf } from './event-days.ts';
import { countOf, humanName } from './statement-format.ts';

/** Flag ids of this family. */
export const POLYPHARMACY_FLAG_IDS = ['polypharmacy'] as const;

/** The key that makes two MedicationRequests "the same medication". */
export function medicationKey(mr: fhir4.MedicationRequest): string | undefined {
  const codings = codingsOf(mr.medicationCodeableConcept).filter(
    (c) => typeof c.code === 'string' && typeof c.system === 'string',
  );
  const rx = codings.find((c) => normalizeSystem(c.system!) === RXNORM);
  if (rx) {
    return `rx|${rx.code!.trim()}`;
  }
  if (codings[0]) {
    return `${normalizeSystem(codings[0].system!)}|${codings[0].code!.trim()}`;
  }
  if (mr.medicationReference?.reference) {
    return `ref|${mr.medicationReference.reference}`;
  }
  const text = mr.medicationCodeableConcept?.text ?? mr.medicationReference?.display;
  return text?.trim() ? `text|${text.trim().toLowerCase()}` : undefined;
}

/** The polypharmacy flag family under a policy. */
export function polypharmacyFlags(policy: RiskPolicy = DEFAULT_RISK_POLICY): FlagDefinition {
  const p = policy.polypharmacy;
  return {
    ids: POLYPHARMACY_FLAG_IDS,
    requires: ['MedicationRequest'],
    evaluate(ctx) {
      const byKey = new Map<string, fhir4.MedicationRequest>();
      for (const mr of ctx.ofType<fhir4.MedicationRequest>('MedicationRequest')) {
        if (!mr || !p.statuses.includes(mr.status) || !p.intents.includes(mr.intent)) {
          continue;
        }
        const authored = dateDay(ctx, mr, 'authoredOn', mr.authoredOn);
        if (authored !== undefined && authored > ctx.asOfDay) {
          continue;
        }
        const k = medicationKey(mr);
        if (!k) {
          ctx.issue({
            resourceType: 'MedicationRequest',
            id: mr.id,
            field: 'medication[x]',
            message: 'no medication code or text: not counted',
            severity: 'warning',
          });
          continue;
        }
        if (!byKey.has(k)) {
          byKey.set(k, mr);
        }
      }
      const n = byKey.size;
      if (n < p.moderateMin) {
        return [];
      }
      const partial = ctx.completeness('MedicationRequest').status !== 'complete';
      return [
        {
          id: 'polypharmacy',
          severity: n >= p.highMin ? 'high' : 'moderate',
          statement: `${partial ? 'At least ' : ''}${countOf(n, 'distinct active medication')} on the medication list.`,
          evidence: [...byKey.values()].map((mr) => {
            const e: Evidence = { reference: refOf(mr), rule: 'active-medication' };
            const display = humanName(mr.medicationCodeableConcept) ?? mr.medicationReference?.display;
            if (display) {
              e.display = display;
            }
            if (typeof mr.authoredOn === 'string') {
              e.date = mr.authoredOn.slice(0, 10);
            }
            return e;
          }),
        },
      ];
    },
  };
}
