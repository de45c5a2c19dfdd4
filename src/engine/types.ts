/**
 * The engine's public result types. Everything the panel, the CLI and the exports read comes
 * from here; nothing in this file depends on React, the DOM or fetch.
 */

/** An ISO calendar date `YYYY-MM-DD` (no time, no zone). */
export type IsoDate = string;

/** A closed interval of calendar days, e.g. a measurement period 2026-01-01 .. 2026-12-31. */
export interface DayPeriod {
  start: IsoDate;
  end: IsoDate;
}

/** Patient-level status of one measure. `unknown` whenever the data cannot support a verdict. */
export type MeasureStatus = 'met' | 'not-met' | 'excluded' | 'exception' | 'not-in-population' | 'unknown';

/** Population codes from http://terminology.hl7.org/CodeSystem/measure-population used by proportion measures. */
export type PopulationCode =
  'initial-population' | 'denominator' | 'denominator-exclusion' | 'denominator-exception' | 'numerator';

/** The five population counts (0 or 1 for a patient-based measure). */
export type PopulationCounts = Record<PopulationCode, number>;

/** One resource that a rule used, and which rule used it. */
export interface Evidence {
  /** `Type/id` of the resource. */
  reference: string;
  /** Stable rule name, e.g. `qualifying-encounter`, `most-recent-screening`, `follow-up`. */
  rule: string;
  /** The clinically relevant date (ISO), when the resource has one. */
  date?: string;
  /** Human display of the code or value, taken from the resource (never rendered as HTML). */
  display?: string;
  /** Display of the value (e.g. `PHQ-9 14`, `positive`). */
  value?: string;
}

/** A data problem found while reading the record: reported once, never thrown. */
export interface DataIssue {
  resourceType: string;
  id?: string;
  field: string;
  message: string;
  severity: 'error' | 'warning';
}

/** What would close an open measure / gap, and by when. */
export interface ClosingAction {
  /** Plain-language description ("Document a follow-up plan for the positive screen"). */
  what: string;
  /** Last day on which the action still counts (ISO date), when there is one. */
  due?: IsoDate;
}

/**
 * One rate of an episode-based measure for one patient (`fuh`, `fum`, `fua`, `tcm`): the counts are
 * the patient's index events (population basis Encounter), not 0/1.
 */
export interface MeasureGroupResult {
  /** Group id: `7-day`, `30-day` (TCM: `7-day`, `14-day`). */
  id: string;
  /** The patient's status for this rate (met = every counted, non-excluded event followed up in time). */
  status: MeasureStatus;
  populations: PopulationCounts;
  /** Index events not counted yet: the window (or a readmission / admission look-ahead) had not ended by asOf. */
  inProgress: number;
  /** Index events whose membership the record cannot decide (e.g. no discharge disposition for TCM); not counted. */
  unknown: number;
}

/** Result of one measure for one patient. */
export interface MeasureResult {
  /** Stable id: `cms2`, `sdoh-screening`, `cms165`, … */
  id: string;
  /** Canonical URL of the Measure resource. */
  measureUrl: string;
  /** Version of the Measure resource the logic implements. */
  version: string;
  title: string;
  status: MeasureStatus;
  populations: PopulationCounts;
  evidence: Evidence[];
  /** For `not-met` (and `unknown` where useful): what closes it. */
  closes?: ClosingAction;
  /**
   * Which step of the measure's action (MeasureDefinition.action.steps) closes it, when the measure
   * names one (CMS2: `screen`, `code`, `follow-up`). Read by the visit actions and the panel; the
   * CLI's json line does not write it (`closes.what` says the same in words).
   */
  closingStep?: string;
  /** For `unknown`: why (e.g. "Observation search failed: results may be incomplete"). */
  reasons?: string[];
  /** Measure-specific detail for the panel (e.g. SDOH domains screened and positive). */
  detail?: Record<string, unknown>;
  /** True for inverse measures (a numerator hit is the bad outcome, e.g. CMS122). */
  inverse?: boolean;
  /**
   * Episode-based measures only: what the populations count (`Encounter`: index events). Absent for
   * patient-based measures (counts are 0/1).
   */
  populationBasis?: 'Encounter';
  /**
   * Episode-based measures only: one entry per rate. `populations` then repeats the first group's
   * counts (for readers that know one group, e.g. the CSV), and `status` summarises all groups.
   */
  groups?: MeasureGroupResult[];
}

/** Status of one care gap. */
export type GapStatus = 'open' | 'closed' | 'not-applicable' | 'unknown';

/** One care gap for one patient. */
export interface GapResult {
  /** Stable id: `cms2`, `fuh-7`, `tcm-14`, `phq9-monitoring`, … */
  id: string;
  title: string;
  status: GapStatus;
  due?: IsoDate;
  /** What closes the gap. */
  closes?: string;
  /** One-line reason the gap exists (or why it is closed / unknown). */
  why: string;
  evidence: Evidence[];
  /** The measure this gap derives from, when it derives from one. */
  measureId?: string;
}

/** Severity of a risk flag. */
export type FlagSeverity = 'high' | 'moderate' | 'info';

/** One risk flag for one patient. */
export interface FlagResult {
  /** Stable id: `smi`, `sud`, `ed-frequent`, `suicide-risk`, `sdoh-need:food`, … */
  id: string;
  severity: FlagSeverity;
  /** One plain-language line with numbers and dates. */
  statement: string;
  evidence: Evidence[];
}

/**
 * What kind of need an action answers: `safety` (suicide risk first, then severe depression without
 * a plan, interpersonal violence, a recent psychiatric discharge — never pushed out of the list),
 * `window` (a follow-up window closing within 7 days), `gap` (a measure or care gap closable at
 * this visit), `flag` (a risk flag no gap covers), `missed` (a window that can no longer be met).
 */
export type VisitActionKind = 'safety' | 'window' | 'gap' | 'flag' | 'missed';

/** The in-panel forms an action can open (the care panel's screening forms). */
export type VisitActionForm = 'phq' | 'hrsn' | 'follow-up';

/** One prioritised action for this visit (one per need). */
export interface VisitAction {
  rank: number;
  /** Id of the flag or gap it comes from (the primary one when it answers several). */
  source: string;
  text: string;
  due?: IsoDate;
  kind?: VisitActionKind;
  /** Ids of the gaps this action closes (the panel links to them). */
  gaps?: string[];
  /** Ids of the flags this action answers. */
  flags?: string[];
  /** The in-panel form that records it, when there is one. */
  form?: VisitActionForm;
}

/** The patient's death as of asOf (no point-of-care actions or gaps then). */
export interface DeceasedStatus {
  /** Day of death, when recorded and readable. */
  date?: IsoDate;
  /** One plain-language line ("The patient died on 3 May 2026."). */
  statement: string;
  evidence: Evidence;
}

/** Everything the engine says about one patient. */
export interface PatientEvaluation {
  /** `Patient/ID`. */
  patient: string;
  period: DayPeriod;
  asOf: IsoDate;
  measures: MeasureResult[];
  gaps: GapResult[];
  flags: FlagResult[];
  actions: VisitAction[];
  /** Follow-up windows that have passed and can no longer be met, shown apart from the actions. */
  missed?: VisitAction[];
  /** Set when the patient had died by asOf: actions are empty and no gap is open. */
  deceased?: DeceasedStatus;
  /** Data problems found in the record (each reported once). */
  issues: DataIssue[];
}
