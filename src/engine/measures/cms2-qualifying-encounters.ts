/**
 * CMS2 "Qualifying Encounter During Measurement Period": the shared qualifying-encounter
 * definition (cql-libraries/qualifying-encounters.ts) over Encounter to Screen for Depression ∪
 * Physical Therapy Evaluation ∪ Telephone Visits.
 * Spec: CMS2FHIRPCSDepressionScreenAndFollowUp 0.4.001, define "Qualifying Encounter During
 * Measurement Period".
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import {
  qualifyingEncounters as finishedVisitsDuring,
  type QualifyingEncounters,
} from './cql-libraries/qualifying-encounters.ts';
import { QUALIFYING_ENCOUNTER_VALUE_SETS } from './cms2-terminology.ts';

export type { QualifyingEncounter } from './cql-libraries/qualifying-encounters.ts';

/** The CMS2 qualifying encounters of the patient, in record order. */
export function qualifyingEncounters(ctx: EvaluationContext): QualifyingEncounters {
  return finishedVisitsDuring(ctx, QUALIFYING_ENCOUNTER_VALUE_SETS);
}
