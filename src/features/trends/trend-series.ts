/**
 * Reads the time series the trends draw from the record: PHQ-9 and GAD-7 totals, blood pressure
 * (systolic/diastolic from the BP panel's components or separate readings), HbA1c, and ED visits
 * and inpatient stays in the last 12 months. Defensive like the engine: unreadable dates or
 * values are skipped, entered-in-error and cancelled resources never plotted.
 */
import {
  addMonths,
  dayOfText,
  periodDays,
  ACT_CODE,
  LOINC,
  normalizeSystem,
  LOINC_GAD7_TOTAL,
  LOINC_PHQ9_TOTAL,
  LOINC_PHQA_TOTAL,
  BP_PANEL,
  DIASTOLIC_BP,
  SYSTOLIC_BP,
  ED_CLASS,
  type PatientRecord,
} from '../../engine/index.ts';

/** LOINC HbA1c (%) codes: "Hemoglobin A1c/Hemoglobin.total in Blood" and "… by HPLC". */
export const HBA1C_CODES = ['4548-4', '17856-6'] as const;
/** Encounter classes (v3 ActCode) drawn as inpatient stays. */
export const INPATIENT_CLASSES = ['IMP', 'ACUTE', 'NONAC'] as const;
/** Months of encounter history on the utilisation timeline. */
export const TIMELINE_MONTHS = 12;
/** Months of score / reading history on the trend charts. */
export const TREND_MONTHS = 24;

/** One plotted value. */
export interface TrendPoint {
  day: number;
  value: number;
  reference: string;
}

/** One encounter on the timeline. */
export interface TimelineEvent {
  kind: 'ed' | 'inpatient';
  startDay: number;
  endDay: number;
  reference: string;
}

/** Everything the trends section draws. */
export interface TrendData {
  phq9: TrendPoint[];
  gad7: TrendPoint[];
  systolic: TrendPoint[];
  diastolic: TrendPoint[];
  hba1c: TrendPoint[];
  encounters: TimelineEvent[];
  /** First and last day of the score window and of the timeline. */
  trendFrom: number;
  timelineFrom: number;
  asOfDay: number;
}

const VOID_STATUSES = new Set(['entered-in-error', 'cancelled', 'planned', 'registered', 'preliminary']);

type Loose = Record<string, unknown>;

/** LOINC codes of a CodeableConcept. */
function loincCodes(concept: unknown): string[] {
  const codings =
    concept && typeof concept === 'object' && Array.isArray((concept as Loose).coding)
      ? ((concept as Loose).coding as Loose[])
      : [];
  return codings
    .filter(
      (c) => c && typeof c.code === 'string' && typeof c.system === 'string' && normalizeSystem(c.system) === LOINC,
    )
    .map((c) => String(c.code).trim());
}

/** A numeric value[x] (Quantity, integer, or a numeric string as US Core's PHQ-9 example has). */
function numericValue(o: Loose): number | undefined {
  const q = o.valueQuantity as Loose | undefined;
  if (q && typeof q.value === 'number' && Number.isFinite(q.value)) {
    return q.value;
  }
  if (typeof o.valueInteger === 'number') {
    return o.valueInteger;
  }
  if (typeof o.valueString === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(o.valueString)) {
    return Number(o.valueString);
  }
  return undefined;
}

/** Day of an Observation's effective[x] as written (the day the measures read). */
function effectiveDay(o: Loose): number | undefined {
  const p = o.effectivePeriod as fhir4.Period | undefined;
  return dayOfText(o.effectiveDateTime ?? p?.start ?? o.issued);
}

/** Extracts the trend data as of a day. */
export function trendData(record: PatientRecord, asOfDay: number): TrendData {
  const trendFrom = addMonths(asOfDay, -TREND_MONTHS);
  const timelineFrom = addMonths(asOfDay, -TIMELINE_MONTHS);
  const out: TrendData = {
    phq9: [],
    gad7: [],
    systolic: [],
    diastolic: [],
    hba1c: [],
    encounters: [],
    trendFrom,
    timelineFrom,
    asOfDay,
  };
  const inWindow = (d: number | undefined): d is number => d !== undefined && d >= trendFrom && d <= asOfDay;

  for (const r of record.resources.Observation ?? []) {
    const o = r as unknown as Loose;
    if (!o || typeof o !== 'object' || VOID_STATUSES.has(String(o.status))) {
      continue;
    }
    const day = effectiveDay(o);
    if (!inWindow(day)) {
      continue;
    }
    const reference = `Observation/${String(o.id ?? '')}`;
    const codes = loincCodes(o.code);
    const value = numericValue(o);
    if (value !== undefined) {
      if (codes.includes(LOINC_PHQ9_TOTAL) || codes.includes(LOINC_PHQA_TOTAL)) {
        out.phq9.push({ day, value, reference });
      }
      if (codes.includes(LOINC_GAD7_TOTAL)) {
        out.gad7.push({ day, value, reference });
      }
      if (HBA1C_CODES.some((c) => codes.includes(c))) {
        out.hba1c.push({ day, value, reference });
      }
      if (codes.includes(SYSTOLIC_BP)) {
        out.systolic.push({ day, value, reference });
      }
      if (codes.includes(DIASTOLIC_BP)) {
        out.diastolic.push({ day, value, reference });
      }
    }
    if (codes.includes(BP_PANEL) && Array.isArray(o.component)) {
      for (const c of o.component as Loose[]) {
        const v = c ? numericValue(c) : undefined;
        if (v === undefined) {
          continue;
        }
        const cc = loincCodes(c.code);
        if (cc.includes(SYSTOLIC_BP)) {
          out.systolic.push({ day, value: v, reference });
        }
        if (cc.includes(DIASTOLIC_BP)) {
          out.diastolic.push({ day, value: v, reference });
        }
      }
    }
  }

  for (const r of record.resources.Encounter ?? []) {
    const e = r as unknown as Loose;
    if (!e || typeof e !== 'object' || VOID_STATUSES.has(String(e.status))) {
      continue;
    }
    const cls = e.class as Loose | undefined;
    const code =
      cls && typeof cls.code === 'string' && (!cls.system || normalizeSystem(String(cls.system)) === ACT_CODE)
        ? cls.code
        : '';
    const kind =
      code === ED_CLASS ? 'ed' : (INPATIENT_CLASSES as readonly string[]).includes(code) ? 'inpatient' : undefined;
    if (!kind) {
      continue;
    }
    const span = periodDays(e.period as fhir4.Period | undefined);
    const start = span.start?.low;
    if (start === undefined || start > asOfDay) {
      continue;
    }
    // An ED visit without an end is a one-day event; an admission without one is still ongoing.
    const end = Math.min(span.end?.high ?? (kind === 'ed' ? start : asOfDay), asOfDay);
    if (end < timelineFrom) {
      continue;
    }
    out.encounters.push({
      kind,
      startDay: start,
      endDay: Math.max(start, end),
      reference: `Encounter/${String(e.id ?? '')}`,
    });
  }

  for (const list of [out.phq9, out.gad7, out.systolic, out.diastolic, out.hba1c]) {
    list.sort((a, b) => a.day - b.day);
  }
  out.encounters.sort((a, b) => a.startDay - b.startDay);
  return out;
}
