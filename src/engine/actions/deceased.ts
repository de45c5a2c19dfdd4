/**
 * Whether the patient had died by asOf (Patient.deceasedBoolean true, or deceasedDateTime on or
 * before asOf — a death recorded for a later day had not happened yet on asOf — or, when the
 * Patient records no death, a stay discharged "expired" on or before asOf: issue 12 §3 counts the
 * patient as dead when "discharge disposition 'expired' or Patient.deceased*", and an export often
 * carries the in-hospital death only on the Encounter; gaps/follow-up-exclusions.ts reads it so for
 * the follow-up gaps, and the actions must not ask for a PHQ-9 from that patient). A deceased patient
 * gets no point-of-care actions and no open care gaps (issue 12 §4): every open or undecided gap
 * becomes not-applicable, saying why; closed gaps and the measures stay as they were (they are the
 * record of care given). A deceasedDateTime that cannot be read still means the patient died.
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import { daySpan, isoDay } from '../cql/calendar-days.ts';
import { parseDateTime } from '../cql/date-time.ts';
import { dayWithin } from '../flags/event-days.ts';
import { displayDay } from '../flags/statement-format.ts';
import type { DeceasedStatus, GapResult } from '../types.ts';
import { patientDeath } from '../gaps/follow-up-exclusions.ts';

/** The patient's death as of asOf, or undefined when alive (or dead only after asOf). */
export function deceasedAsOf(ctx: EvaluationContext): DeceasedStatus | undefined {
  const p = ctx.record.patient;
  const reference = ctx.patientRef;
  if (typeof p.deceasedDateTime === 'string') {
    const value = parseDateTime(p.deceasedDateTime);
    if (!value) {
      ctx.issue({
        resourceType: 'Patient',
        ...(p.id ? { id: p.id } : {}),
        field: 'deceasedDateTime',
        message: 'unreadable date of death: the patient is treated as deceased',
        severity: 'warning',
      });
      return {
        statement: 'The patient has died (date of death unreadable).',
        evidence: { reference, rule: 'deceased' },
      };
    }
    const day = dayWithin(daySpan(value), ctx.asOfDay)!;
    if (day > ctx.asOfDay) {
      return undefined;
    }
    return {
      date: isoDay(day),
      statement: `The patient died on ${displayDay(day)}.`,
      evidence: { reference, rule: 'deceased', date: isoDay(day) },
    };
  }
  if (p.deceasedBoolean === true) {
    return {
      statement: 'The patient has died (date of death not recorded).',
      evidence: { reference, rule: 'deceased' },
    };
  }
  const death = patientDeath(ctx);
  if (death?.evidence.rule === 'discharged-expired' && death.day !== undefined) {
    return {
      date: isoDay(death.day),
      statement: `The patient died on ${displayDay(death.day)} (discharged "expired").`,
      evidence: death.evidence,
    };
  }
  return undefined;
}

/** Gaps after death: open and undecided gaps are not applicable; closed ones keep their evidence. */
export function gapsAfterDeath(gaps: readonly GapResult[], deceased: DeceasedStatus): GapResult[] {
  return gaps.map((g) => {
    if (g.status !== 'open' && g.status !== 'unknown') {
      return g;
    }
    const { due: _due, closes: _closes, ...rest } = g;
    return {
      ...rest,
      status: 'not-applicable',
      why: `${deceased.statement} No care gap applies.`,
      evidence: [...g.evidence, deceased.evidence],
    };
  });
}
