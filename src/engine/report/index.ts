/** Public surface of the engine's reports: MeasureReports, DEQM gaps Bundles, CSV, worklist, identity and monthly closure. */
export { csvField, csvLine, looksLikeFormula, neutraliseFormula } from './csv-cell.ts';
export {
  attributedClinician,
  clinicianKey,
  clinicianLabel,
  contactPhone,
  medicalRecordNumber,
  patientIdentity,
  patientName,
  UNATTRIBUTED,
  type AttributedClinician,
  type PatientIdentity,
} from './patient-identity.ts';
export { CSV_COLUMNS, IDENTITY_COLUMNS, csvHeader, csvRows, identityFields } from './population-csv.ts';
export {
  DEFAULT_GROUP_ID,
  POPULATION_CODES,
  PopulationAccumulator,
  measureGroupsOf,
  measureScore,
  type ClinicianTally,
  type GapTally,
  type GroupTally,
  type MeasureTally,
  type PopulationInput,
  type StratumTally,
} from './population-accumulator.ts';
export {
  ATTRIBUTED_CLINICIAN_SYSTEM,
  CLINICIAN_STRATIFIER,
  POPULATION_DISPLAY,
  STRATIFIER_SYSTEM,
  STRATUM_CLINICIAN_EXTENSION,
  UNKNOWN_COUNT_EXTENSION,
  stratifierOf,
  toPopulationBundle,
  toSummaryMeasureReports,
  type PopulationBundleInput,
  type PopulationReportOptions,
} from './summary-measure-report.ts';
export {
  WORKLIST_COLUMNS,
  compareWorklistRows,
  isActionableGap,
  worklistHeader,
  worklistLine,
  worklistLines,
  worklistRows,
  type WorklistRow,
} from './worklist.ts';
export {
  ClosureTally,
  measureClosures,
  monthsOf,
  previousPeriod,
  type MeasureClosure,
  type MonthlyClosurePoint,
  type MonthlyClosureSeries,
} from './monthly-closure.ts';
export { toIndividualMeasureReport, DATA_COMPLETENESS_EXTENSION, type MeasureReportOptions } from './measure-report.ts';
export { toGapsBundle, type GapsBundleOptions } from './deqm-gaps-bundle.ts';
