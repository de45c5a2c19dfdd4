/** Public surface of the pure engine (browser, Web Worker and Node alike). */
export { evaluatePatient } from './evaluate-patient.ts';
export type { EvaluationOptions } from './evaluation-context.ts';
export { recordFromResources, RECORD_TYPES, type PatientRecord, type RecordType, type Completeness, type TypeCompleteness } from './record.ts';
export * from './types.ts';
/** Episode-based follow-up measures (fuh, fum, fua, tcm): the score of one rate's counts. */
export { episodeScore } from './report/episode-measure-report.ts';
