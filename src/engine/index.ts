/**
 * Public surface of the pure engine (browser, Web Worker and Node alike). Outside src/engine/ this
 * is the only engine module anyone imports (eslint.config.js, `caregap/boundaries`): export here
 * what a caller needs rather than reaching into the engine's folders.
 */

// Evaluation: one patient's record in, measures, gaps, flags, actions and data issues out.
export { evaluatePatient } from './evaluate-patient.ts';
export type { EvaluationOptions } from './evaluation-context.ts';
export * from './types.ts';
// A follow-up window that passed unmet ("can no longer be met"): the actions and the panel agree on it.
export { isMissedWindow } from './actions/missed-window.ts';

// The record the engine reads: resource types, completeness per type, and the input guards.
export {
  recordFromResources,
  completenessOf,
  RECORD_TYPES,
  REFERENCED_TYPES,
  type PatientRecord,
  type RecordType,
  type Completeness,
  type TypeCompleteness,
} from './record.ts';
export { MAX_RESOURCE_DEPTH, capResourceDepth } from './input/resource-depth.ts';
export { resolveUuidReferences } from './input/resolve-references.ts';

// What can be evaluated: every measure, gap family and flag family (the CLI's selections).
export { MEASURES } from './measures/index.ts';
export { POINT_OF_CARE_MEASURES, type MeasureProfile } from './measures/point-of-care-measures.ts';
export type { MeasureAction, MeasureDefinition, MeasureKind, MeasureStep } from './measure-definition.ts';
export {
  definitionOfGap,
  measureDefinition,
  measureGapForms,
  measureKind,
  measureStep,
} from './actions/measure-actions.ts';
export { DEFAULT_GAP_POLICY, type GapPolicy } from './gaps/gap-policy.ts';
export {
  OVERRIDABLE_GAP_POLICY_FIELDS,
  validateGapPolicyOverride,
  type GapPolicyOverride,
} from './gaps/gap-policy-override.ts';
export { GAP_FAMILIES } from './gaps/index.ts';
export { FLAG_FAMILIES } from './flags/index.ts';

// Today's visit: results as they will be once the open visit in context is closed.
export {
  evaluateAtVisit,
  isGoodOutcome,
  type VisitEvaluation,
  type MeasureAtVisit,
  type GapAtVisit,
  type VisitEffect,
  type GapVisitEffect,
} from './visit/evaluate-at-visit.ts';
export {
  visitInContext,
  recordWithVisitClosed,
  closedPeriod,
  OPEN_VISIT_STATUSES,
  type VisitInContext,
  type VisitState,
} from './visit/visit-in-context.ts';
export {
  ELIGIBILITY,
  populationReason,
  type Eligibility,
  type PopulationReason,
} from './visit/population-eligibility.ts';

// Reports: MeasureReports, DEQM gaps Bundles, CSV, worklist, identity extract, monthly closure.
export * from './report/index.ts';

// Value sets and policies: the built-in sets (the panel's code displays, the worker's registry).
export { BUILTIN_VALUE_SETS, builtinValueSets } from './valuesets/index.ts';
export type { ValueSetDef } from './valuesets/value-set.ts';
export {
  FOLLOW_UP_FOR_ADOLESCENT_DEPRESSION,
  FOLLOW_UP_FOR_ADULT_DEPRESSION,
  REFERRAL_FOR_ADOLESCENT_DEPRESSION,
  REFERRAL_FOR_ADULT_DEPRESSION,
} from './valuesets/catalog/index.ts';
export { DEFAULT_RISK_POLICY } from './config/risk-policy.ts';

// Codes the forms, write-back and trends share with the rules (one source of truth).
export * from './codes/code-systems.ts';
export {
  DEFAULT_DEPRESSION_INSTRUMENTS,
  DEPRESSION_SCREEN_RESULT,
  GAD7_BANDS,
  LOINC_ADOLESCENT_DEPRESSION_SCREENING,
  LOINC_ADULT_DEPRESSION_SCREENING,
  LOINC_GAD7_TOTAL,
  LOINC_PHQ2_TOTAL,
  LOINC_PHQ9_PANEL,
  LOINC_PHQ9_TOTAL,
  LOINC_PHQA_TOTAL,
  PHQ_ITEM_ANSWERS,
  PHQ9_BANDS,
  PHQ9_ITEMS,
  bandOf,
  withCutoffs,
  type DepressionInstrument,
  type SeverityBand,
} from './codes/screening-instruments.ts';
export {
  AHC_HRSN_CORE_QUESTIONS,
  HITS_POSITIVE_ABOVE,
  LA,
  LOINC_FOOD_DIDNT_LAST,
  LOINC_FOOD_WORRY,
  LOINC_HITS_HURT,
  LOINC_HITS_INSULT,
  LOINC_HITS_SCREAM,
  LOINC_HITS_THREATEN,
  LOINC_HITS_TOTAL,
  LOINC_HOUSING_QUALITY,
  LOINC_HOUSING_SITUATION,
  LOINC_TRANSPORTATION,
  LOINC_UTILITIES_SHUTOFF,
  type SdohDomain,
} from './codes/sdoh-items.ts';
export { BP_PANEL, DIASTOLIC_BP, SYSTOLIC_BP } from './measures/cql-libraries/blood-pressure-readings.ts';
export { ED_CLASS } from './flags/encounter-stays.ts';

// Calendar days as the engine reads them (a value's date as written, whatever the zone), for display.
export {
  addMonths,
  ageInYearsOn,
  dayOfText,
  epochDay,
  isoDay,
  periodDays,
  type DayBounds,
  type DayRange,
} from './cql/calendar-days.ts';
