/** Public surface of the pure engine (browser, Web Worker and Node alike). */
export { evaluatePatient } from './evaluate-patient.ts';
export type { EvaluationOptions } from './evaluation-context.ts';
export { recordFromResources, RECORD_TYPES, type PatientRecord, type RecordType, type Completeness, type TypeCompleteness } from './record.ts';
export * from './types.ts';
/** Calendar days as the engine reads them (a value's date as written, whatever the zone), for display. */
export { addMonths, ageInYearsOn, dayOfText, epochDay, isoDay, periodDays, type DayBounds, type DayRange } from './cql/calendar-days.ts';
