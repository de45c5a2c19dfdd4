/**
 * Every threshold and window the care-gap families use, as named, documented constants gathered in
 * one policy object. An organisation that wants other day counts passes a partial policy —
 * `evaluatePatient(record, { gapPolicy: { screeningLookbackDays: 10 } })`, or the CLI's
 * `--gap-policy FILE` — validated by gap-policy-override.ts; any field not given keeps its default.
 * The override changes the care gaps only: the measures (CMS2's own 14-day look-back, the FUH /
 * FUM / FUA / TCM episode measures) follow their published rules. The follow-up windows themselves
 * (FUH_WINDOW_DAYS …) are part of the gap ids (`fuh-7`) and are not overridable.
 * Facts: ../shared/design/measures.md §5 (HEDIS FUH / FUM / FUA, CMS TCM 99495/99496), §1.3
 * (depression instruments and cut-offs), §2 (SDOH).
 */
import { DEFAULT_DEPRESSION_INSTRUMENTS, type DepressionInstrument } from '../codes/screening-instruments.ts';

/** FUH: follow-up windows after a mental-health discharge (HEDIS FUH 7-day and 30-day rates). */
export const FUH_WINDOW_DAYS = { 'fuh-7': 7, 'fuh-30': 30 } as const;
/** FUM: follow-up windows after a mental-health ED visit (HEDIS FUM; the ED day is day 0). */
export const FUM_WINDOW_DAYS = { 'fum-7': 7, 'fum-30': 30 } as const;
/** FUA: follow-up windows after a substance-use / overdose ED visit (HEDIS FUA; the ED day is day 0). */
export const FUA_WINDOW_DAYS = { 'fua-7': 7, 'fua-30': 30 } as const;
/** TCM: face-to-face visit within 7 days (CPT 99496, high complexity) or 14 days (99495). */
export const TCM_WINDOW_DAYS = { 'tcm-7': 7, 'tcm-14': 14 } as const;
/**
 * TCM: interactive contact (direct, telephone or electronic) with the patient or caregiver within
 * 2 business days following the discharge (CPT 99495/99496 descriptors; CMS TCM FAQ, 2016:
 * "Business days are Monday through Friday, except holidays, without respect to normal practice
 * hours or date of notification of discharge"). Holidays: US federal holidays (business-days.ts).
 */
export const TCM_CONTACT_BUSINESS_DAYS = 2;
/** Gap id of the TCM interactive-contact window. */
export const TCM_CONTACT_GAP_ID = 'tcm-contact-2d';

/**
 * How far back from asOf an index event (discharge or ED visit) may lie and still anchor a gap.
 * 60 days = the longest window (30) plus 30 days during which a missed window stays visible.
 */
export const INDEX_EVENT_LOOKBACK_DAYS = 60;
/**
 * HEDIS FUH: a readmission or direct transfer admitted within the 30-day follow-up period after the
 * discharge (the discharge day included: a same-day direct transfer) decides the index discharge —
 * an acute mental-health readmission moves it to the later discharge, any other readmission
 * removes it (measures.md §5.1).
 */
export const READMISSION_WINDOW_DAYS = 30;
/**
 * TCM: a readmission admitted before the 14-day face-to-face window has ended interrupts the
 * transition; the later discharge (if to the community) starts the TCM windows. A documented
 * choice mirroring FUH (the readmission window is the longest follow-up window); CMS lets a
 * practitioner report TCM once per 30 days, so a later discharge never doubles an episode here.
 */
export const TCM_READMISSION_WINDOW_DAYS = 14;
/**
 * HEDIS FUM / FUA: an ED visit followed by an inpatient or residential admission on the ED date or
 * within the 30 days after, whatever the admission's diagnosis, is not an index visit
 * (measures.md §5.1).
 */
export const ED_TO_ADMISSION_DAYS = 30;
/** HEDIS FUM / FUA: only the first eligible ED visit in a 31-day period anchors (days 0..30). */
export const ED_EPISODE_DAYS = 30;
/**
 * First day after the index day on which a follow-up counts. FUH: "visits on the discharge date do
 * not count" (1). FUM / FUA: "the ED date counts" (0). TCM: the face-to-face visit is a
 * post-discharge visit, so the discharge day itself does not count (1) — a documented choice.
 */
export const FIRST_FOLLOW_UP_DAY = { fuh: 1, fum: 0, fua: 0, tcm: 1 } as const;
/**
 * Minimum age on the index day (HEDIS: FUH "6 years and older as of the date of discharge", FUM
 * "6 years and older on the date of the ED visit", FUA "13 years and older on the date of the ED
 * visit"; TCM has no age limit). measures.md §5.
 */
export const FOLLOW_UP_MIN_AGE = { fuh: 6, fum: 6, fua: 13, tcm: 0 } as const;

/** CMS2: a screening counts for an encounter when it is 14 days or less on or before the encounter day. */
export const SCREENING_LOOKBACK_DAYS = 14;
/** PHQ-9 monitoring for active depression: a PHQ-9 at least every 4 months (MIPS #370 / CMS159 cadence). */
export const PHQ9_MONITORING_MONTHS = 4;
/** SDOH: a positive domain needs a referral or intervention within 30 days after the screen. */
export const SDOH_FOLLOW_UP_DAYS = 30;

/** Encounter classes (v3 ActCode) of an ambulatory follow-up: ambulatory, virtual, home health. */
export const FOLLOW_UP_CLASSES = ['AMB', 'VR', 'HH'] as const;
/** Encounter classes that are acute or emergency care, never a follow-up visit. */
export const NON_FOLLOW_UP_CLASSES = ['EMER', 'IMP', 'ACUTE', 'NONAC', 'SS', 'OBSENC', 'PRENC'] as const;
/** Encounter classes of an acute inpatient stay (FUH anchors). */
export const ACUTE_INPATIENT_CLASSES = ['IMP', 'ACUTE'] as const;
/** Encounter classes of a nonacute inpatient or residential stay (skilled nursing, rehabilitation, residential treatment). */
export const NONACUTE_INPATIENT_CLASSES = ['NONAC'] as const;
/** Encounter classes of any inpatient stay (readmissions; FUM/FUA "ED visit followed by an admission"). */
export const ANY_INPATIENT_CLASSES = ['IMP', 'ACUTE', 'NONAC'] as const;
/**
 * Encounter classes of an observation stay. CMS TCM: discharges from "observation status in a
 * hospital" qualify too (MLN908628); observation is not an inpatient stay for FUH/FUM/FUA.
 */
export const OBSERVATION_CLASSES = ['OBSENC'] as const;
/** Encounter classes of an emergency-department visit. */
export const ED_CLASSES = ['EMER'] as const;
/** Encounter statuses of a follow-up visit that took place (a planned visit does not close a gap). */
export const FOLLOW_UP_STATUSES = ['finished', 'in-progress'] as const;

/** The whole gap policy. */
export interface GapPolicy {
  lookbackDays: number;
  readmissionDays: number;
  tcmReadmissionDays: number;
  tcmContactBusinessDays: number;
  edToAdmissionDays: number;
  edEpisodeDays: number;
  screeningLookbackDays: number;
  phq9MonitoringMonths: number;
  sdohFollowUpDays: number;
  /** Positive cut-offs of the depression instruments (codes/screening-instruments.ts). */
  depressionInstruments: readonly DepressionInstrument[];
}

/** The documented default policy. */
export const DEFAULT_GAP_POLICY: GapPolicy = {
  lookbackDays: INDEX_EVENT_LOOKBACK_DAYS,
  readmissionDays: READMISSION_WINDOW_DAYS,
  tcmReadmissionDays: TCM_READMISSION_WINDOW_DAYS,
  tcmContactBusinessDays: TCM_CONTACT_BUSINESS_DAYS,
  edToAdmissionDays: ED_TO_ADMISSION_DAYS,
  edEpisodeDays: ED_EPISODE_DAYS,
  screeningLookbackDays: SCREENING_LOOKBACK_DAYS,
  phq9MonitoringMonths: PHQ9_MONITORING_MONTHS,
  sdohFollowUpDays: SDOH_FOLLOW_UP_DAYS,
  depressionInstruments: DEFAULT_DEPRESSION_INSTRUMENTS,
};
