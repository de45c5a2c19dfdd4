/**
 * The outreach worklist ("who to call"): one row per open care gap that can still be closed, with
 * who the patient is and how to reach them, sorted by due date (soonest first; gaps without a due
 * date last), then risk (highest flag severity, then number of flags), then name. Written by the
 * CLI's `--format worklist` and downloaded from the population view: the same rows either way.
 * Actionable = status `open` and the due date (last day the closing action counts) not before asOf;
 * a window already missed ("can no longer be met") is not a call to make and is left out.
 */
import { epochDay } from '../cql/calendar-days.ts';
import type { FlagSeverity, GapResult, PatientEvaluation } from '../types.ts';
import { csvLine } from './csv-cell.ts';
import { clinicianLabel, type PatientIdentity } from './patient-identity.ts';

/** One call to make. */
export interface WorklistRow {
  patient: string;
  name?: string;
  birthDate?: string;
  mrn?: string;
  phone?: string;
  clinician: string;
  gapId: string;
  gapTitle: string;
  due?: string;
  /** Days from asOf to the due date (0 = due today). */
  daysLeft?: number;
  /** The patient's highest flag severity, `none` without flags. */
  risk: FlagSeverity | 'none';
  /** Number of risk flags (second risk key). */
  flags: number;
  /** What closes the gap. */
  action?: string;
  /** Why the gap is open. */
  reason: string;
}

/** Worklist CSV columns, in order. */
export const WORKLIST_COLUMNS: readonly string[] = [
  'name',
  'birth-date',
  'mrn',
  'phone',
  'clinician',
  'gap-id',
  'gap-title',
  'due',
  'days-left',
  'risk',
  'flags',
  'action',
  'reason',
  'patient',
];

const SEVERITY_RANK: Readonly<Record<FlagSeverity | 'none', number>> = { high: 3, moderate: 2, info: 1, none: 0 };

/** Whether an open gap can still be closed on or after asOf. */
export function isActionableGap(g: Pick<GapResult, 'status' | 'due'>, asOf: string): boolean {
  return g.status === 'open' && (g.due === undefined || epochDay(g.due) >= epochDay(asOf));
}

/** The patient's highest flag severity and number of flags. */
function riskOf(ev: Pick<PatientEvaluation, 'flags'>): { risk: FlagSeverity | 'none'; flags: number } {
  let risk: FlagSeverity | 'none' = 'none';
  for (const f of ev.flags) {
    if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[risk]) {
      risk = f.severity;
    }
  }
  return { risk, flags: ev.flags.length };
}

/** The worklist rows of one patient (unsorted). */
export function worklistRows(
  ev: Pick<PatientEvaluation, 'patient' | 'asOf' | 'gaps' | 'flags'>,
  identity: PatientIdentity | undefined,
): WorklistRow[] {
  const open = ev.gaps.filter((g) => isActionableGap(g, ev.asOf));
  if (!open.length) {
    return [];
  }
  const { risk, flags } = riskOf(ev);
  const asOfDay = epochDay(ev.asOf);
  return open.map((g) => ({
    patient: ev.patient,
    ...(identity?.name ? { name: identity.name } : {}),
    ...(identity?.birthDate ? { birthDate: identity.birthDate } : {}),
    ...(identity?.mrn ? { mrn: identity.mrn } : {}),
    ...(identity?.phone ? { phone: identity.phone } : {}),
    clinician: clinicianLabel(identity?.clinician),
    gapId: g.id,
    gapTitle: g.title,
    ...(g.due ? { due: g.due, daysLeft: epochDay(g.due) - asOfDay } : {}),
    risk,
    flags,
    ...(g.closes ? { action: g.closes } : {}),
    reason: g.why,
  }));
}

/** Worklist order: due date (none last), then risk and number of flags (highest first), then name, patient and gap. */
export function compareWorklistRows(a: WorklistRow, b: WorklistRow): number {
  if (a.due !== b.due) {
    return a.due === undefined ? 1 : b.due === undefined ? -1 : epochDay(a.due) < epochDay(b.due) ? -1 : 1;
  }
  const risk = SEVERITY_RANK[b.risk] - SEVERITY_RANK[a.risk] || b.flags - a.flags;
  if (risk) {
    return risk;
  }
  const an = (a.name ?? '').toLowerCase();
  const bn = (b.name ?? '').toLowerCase();
  if (an !== bn) {
    return an < bn ? -1 : 1;
  }
  if (a.patient !== b.patient) {
    return a.patient < b.patient ? -1 : 1;
  }
  return a.gapId < b.gapId ? -1 : a.gapId > b.gapId ? 1 : 0;
}

/** One worklist CSV line (formula-safe, RFC 4180 quoting). */
export function worklistLine(r: WorklistRow): string {
  return csvLine([
    r.name,
    r.birthDate,
    r.mrn,
    r.phone,
    r.clinician,
    r.gapId,
    r.gapTitle,
    r.due,
    r.daysLeft,
    r.risk,
    r.flags,
    r.action,
    r.reason,
    r.patient,
  ]);
}

/** The worklist CSV header line. */
export function worklistHeader(): string {
  return csvLine(WORKLIST_COLUMNS);
}

/** The whole worklist as lines (header first), rows sorted by {@link compareWorklistRows}. */
export function worklistLines(rows: readonly WorklistRow[]): string[] {
  return [worklistHeader(), ...[...rows].sort(compareWorklistRows).map(worklistLine)];
}
