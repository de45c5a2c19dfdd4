/** Public surface of the pure engine (browser, Web Worker and Node alike). */
export { evaluatePatient } from './evaluate-patient.ts';
export type { EvaluationOptions } from './evaluation-context.ts';
export { recordFromResources, RECORD_TYPES, REFERENCED_TYPES, type PatientRecord, type RecordType, type Completeness, type TypeCompleteness } from './record.ts';
export * from './types.ts';
export * from './report/index.ts';
export { MAX_RESOURCE_DEPTH, capResourceDepth } from './input/resource-depth.ts';
export {
  evaluateAtVisit,
  isGoodOutcome,
  type VisitEvaluation,
  type MeasureAtVisit,
  type GapAtVisit,
  type VisitEffect,
  type GapVisitEffect,
} from './visit/evaluate-at-visit.ts';
export { visitInContext, recordWithVisitClosed, closedPeriod, OPEN_VISIT_STATUSES, type VisitInContext, type VisitState } from './visit/visit-in-context.ts';
export { ELIGIBILITY, populationReason, type Eligibility, type PopulationReason } from './visit/population-eligibility.ts';
export { BUILTIN_VALUE_SETS } from './valuesets/index.ts';
export { DEFAULT_RISK_POLICY } from './config/risk-policy.ts';
export { resolveUuidReferences } from './input/resolve-references.ts';
/** Calendar days as the engine reads them (a value's date as written, whatever the zone), for display. */
export { addMonths, ageInYearsOn, dayOfText, epochDay, isoDay, periodDays, type DayBounds, type DayRange } from './cql/calendar-days.ts';
