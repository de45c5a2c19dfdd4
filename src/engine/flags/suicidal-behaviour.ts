/**
 * Suicide-risk evidence from diagnoses:
 *  - Suicide attempts and intentional self-harm (ICD-10-CM T14.91, X71–X83, T36–T65 / T71 with
 *    intent "intentional self-harm" — read by codes/icd10-intent.ts — and the SNOMED codes in the
 *    policy, e.g. 82313006 suicide attempt, 86849004 suicidal poisoning), on a Condition of any
 *    clinical status (a resolved attempt is still an attempt) or an Encounter's reasonCode.
 *    RECENCY (documented choice, issue 12 §4): the risk of a repeat attempt is highest in the first
 *    year, so an attempt dated within `recentBehaviourDays` (365) before asOf is CURRENT risk (high,
 *    same-day safety assessment); an older one is HISTORY (the flag stays, at `historySeverity`,
 *    asking to screen today). An undated attempt counts as current unless its Condition is
 *    inactive / resolved / in remission.
 *  - Personal history of suicidal behaviour (ICD-10-CM Z91.51; Z91.5 before FY2022): history.
 *  - Suicidal ideation on the problem list (R45.851, SNOMED findings in the policy): current when
 *    the Condition is current and dated within the look-back (or undated).
 * Nothing dated after asOf counts, nor a Condition recorded after asOf.
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import type { RiskPolicy } from '../config/risk-policy.ts';
import { ICD10CM, normalizeSystem } from '../codes/code-systems.ts';
import { icdKey, isIntentionalSelfHarm } from '../codes/diagnosis-groups.ts';
import { codingsOf, conceptsOf } from '../fhir/codings.ts';
import { isoDay } from '../cql/calendar-days.ts';
import { anyCodingIn } from './coded-readings.ts';
import { currentConditions } from './current-conditions.ts';
import { dateDay, refOf, withinDaysBefore } from './event-days.ts';
import type { SuicideFinding } from './suicide-screens.ts';
import { displayDay, humanName } from './statement-format.ts';

/** Encounter statuses that mean the encounter did not happen. */
const NOT_HAPPENED = new Set(['planned', 'cancelled', 'entered-in-error']);
/** Clinical statuses that make an undated attempt history rather than current. */
const PAST_STATUSES = new Set(['inactive', 'resolved', 'remission']);

function behaviourCoding(policy: RiskPolicy, concept: fhir4.CodeableConcept | undefined): fhir4.Coding | undefined {
  return codingsOf(concept).find(
    (c) => isIntentionalSelfHarm(c) || anyCodingIn([c], policy.suicideRisk.suicidalBehaviour),
  );
}

function historyCoding(policy: RiskPolicy, concept: fhir4.CodeableConcept | undefined): fhir4.Coding | undefined {
  const wanted = policy.suicideRisk.historyCodes;
  return codingsOf(concept).find((c) => {
    if (!c.code || !c.system) {
      return false;
    }
    const sys = normalizeSystem(c.system);
    return wanted.some(
      (w) =>
        normalizeSystem(w.system) === sys &&
        (sys === ICD10CM ? icdKey(w.code) === icdKey(c.code!) : w.code === c.code!.trim()),
    );
  });
}

/** `8 years ago`, `1 year ago`, `14 months ago` (for events older than a year). */
function yearsAgo(day: number, asOfDay: number): string {
  const months = Math.floor((asOfDay - day) / 30.44);
  if (months < 24) {
    return `${months} months ago`;
  }
  return `${Math.floor(months / 12)} years ago`;
}

function label(coding: fhir4.Coding, concept: fhir4.CodeableConcept | undefined): string {
  const text = coding.display?.trim() || humanName(concept) || 'suicidal behaviour';
  return coding.code ? `${text} (${coding.code.trim()})` : text;
}

/** The day of a Condition (onset, else recorded); `null` when it lies after asOf or was recorded after asOf. */
function conditionDay(ctx: EvaluationContext, c: fhir4.Condition): number | undefined | null {
  const recorded = dateDay(ctx, c, 'recordedDate', c.recordedDate);
  if (recorded !== undefined && recorded > ctx.asOfDay) {
    return null;
  }
  const day =
    dateDay(ctx, c, 'onsetDateTime', c.onsetDateTime) ??
    dateDay(ctx, c, 'onsetPeriod.start', c.onsetPeriod?.start) ??
    recorded;
  return day !== undefined && day > ctx.asOfDay ? null : day;
}

/** Suicide attempts / self-harm and personal-history codes (rule in the file comment). */
export function behaviourFindings(ctx: EvaluationContext, policy: RiskPolicy): SuicideFinding[] {
  const p = policy.suicideRisk;
  const out: SuicideFinding[] = [];
  const attempt = (day: number | undefined, what: string, reference: string, pastStatus: boolean) => {
    const current = day === undefined ? !pastStatus : withinDaysBefore(day, ctx.asOfDay, p.recentBehaviourDays);
    const when =
      day === undefined
        ? ' (date not recorded)'
        : ` on ${displayDay(day)}${current ? '' : ` (${yearsAgo(day, ctx.asOfDay)})`}`;
    out.push({
      text: `${what}${when}`,
      evidence: {
        reference,
        rule: current ? 'suicidal-behaviour' : 'suicidal-behaviour-history',
        display: what,
        ...(day !== undefined ? { date: isoDay(day) } : {}),
      },
      ...(day !== undefined ? { day } : {}),
      current,
    });
  };
  for (const c of ctx.ofType<fhir4.Condition>('Condition')) {
    if (!c || typeof c !== 'object') {
      continue;
    }
    const verification = codingsOf(c.verificationStatus)[0]?.code;
    if (verification && policy.diagnoses.excludedVerificationStatuses.includes(verification)) {
      continue;
    }
    const behaviour = behaviourCoding(policy, c.code);
    const history = behaviour ? undefined : historyCoding(policy, c.code);
    if (!behaviour && !history) {
      continue;
    }
    const day = conditionDay(ctx, c);
    if (day === null) {
      continue;
    }
    if (behaviour) {
      attempt(day, label(behaviour, c.code), refOf(c), PAST_STATUSES.has(codingsOf(c.clinicalStatus)[0]?.code ?? ''));
    } else if (history) {
      const what = label(history, c.code);
      out.push({
        text: `${what} on the problem list`,
        evidence: {
          reference: refOf(c),
          rule: 'suicidal-behaviour-history',
          display: what,
          ...(day !== undefined ? { date: isoDay(day) } : {}),
        },
        ...(day !== undefined ? { day } : {}),
        current: false,
      });
    }
  }
  for (const e of ctx.ofType<fhir4.Encounter>('Encounter')) {
    if (!e || typeof e !== 'object' || NOT_HAPPENED.has(e.status)) {
      continue;
    }
    const reason = conceptsOf(e.reasonCode)
      .map((concept) => ({ concept, coding: behaviourCoding(policy, concept) }))
      .find((x) => x.coding);
    if (!reason?.coding) {
      continue;
    }
    const day = dateDay(ctx, e, 'period.start', e.period?.start);
    if (day === undefined || day > ctx.asOfDay) {
      continue;
    }
    attempt(day, label(reason.coding, reason.concept), refOf(e), false);
  }
  return out.sort(
    (a, b) => (b.day ?? Infinity) - (a.day ?? Infinity) || a.evidence.reference.localeCompare(b.evidence.reference),
  );
}

/** Suicidal ideation on the problem list: current Conditions with a risk finding, dated within the look-back or undated. */
export function ideationConditionFindings(ctx: EvaluationContext, policy: RiskPolicy): SuicideFinding[] {
  const p = policy.suicideRisk;
  const out: SuicideFinding[] = [];
  for (const c of currentConditions(ctx, policy)) {
    if (!anyCodingIn(codingsOf(c.condition.code), p.riskFindings)) {
      continue;
    }
    if (c.day !== undefined && !withinDaysBefore(c.day, ctx.asOfDay, p.lookbackDays)) {
      continue;
    }
    const what = humanName(c.condition.code) ?? 'suicidal ideation';
    out.push({
      text: `${what} on the problem list${c.day !== undefined ? ` (${displayDay(c.day)})` : ''}`,
      evidence: {
        reference: refOf(c.condition),
        rule: 'suicide-risk-condition',
        display: what,
        ...(c.day !== undefined ? { date: isoDay(c.day) } : {}),
      },
      ...(c.day !== undefined ? { day: c.day } : {}),
      current: true,
    });
  }
  return out;
}
