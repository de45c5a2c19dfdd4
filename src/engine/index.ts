/** Public surface of the pure engine (browser, Web Worker and Node alike). */
export { evaluatePatient } from './evaluate-patient.ts';
export type { EvaluationOptions } from './evaluation-context.ts';
export { recordFromResources, RECORD_TYPES, REFERENCED_TYPES, type PatientRecord, type RecordType, type Completeness, type TypeCompleteness } from './record.ts';
export * from './types.ts';
export { resolveUuidReferences } from './input/resolve-references.ts';
