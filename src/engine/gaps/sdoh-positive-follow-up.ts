/**
 * `sdoh-positive-follow-up:<domain>`: a positive SDOH screen (food, housing, transportation,
 * utilities, interpersonal safety) needs a referral or intervention within 30 days after the
 * screen (sdoh-interventions.ts says what counts). One gap per positive domain; with no positive
 * domain a single `sdoh-positive-follow-up` gap says so. Positive domains come from the
 * `sdoh-screening` measure's `detail.domains` (its most recent decided screen per domain); when that
 * measure was not evaluated, from Observations read by the SDOH interpreter (codes/sdoh-items.ts).
 * A referral after day 30 does not close the gap: the window is missed (said in `why`), and a new
 * screen restarts it. Screens and referrals dated after asOf do not count.
 */
import type { GapDefinition } from '../measure-definition.ts';
import type { EvaluationContext } from '../evaluation-context.ts';
import { SDOH_DOMAINS, type SdohDomain } from '../codes/sdoh-items.ts';
import { dayBounds, dayOfText, epochDay, isoDay } from '../cql/calendar-days.ts';
import { choiceRead } from '../cql/fhir-intervals.ts';
import { incompleteInputs } from '../measures/proportion.ts';
import type { Evidence, GapResult, MeasureResult } from '../types.ts';
import { DEFAULT_GAP_POLICY, type GapPolicy } from './gap-policy.ts';
import { addressesDomain, INTERVENTION_STATUSES, REFERRAL_STATUSES } from './sdoh-interventions.ts';

/** Base id (selects every domain). */
export const SDOH_FOLLOW_UP_ID = 'sdoh-positive-follow-up';
/** The measure whose per-domain detail this family reads. */
export const SDOH_SCREENING_MEASURE_ID = 'sdoh-screening';

/** Interprets one Observation as an SDOH screening answer (the `interpretSdohObservation` contract). */
export type SdohObservationInterpreter = (
  obs: fhir4.Observation,
) => { domain: SdohDomain; positive: boolean | undefined; instrument: string } | undefined;

const LABELS: Readonly<Record<SdohDomain, string>> = {
  food: 'food insecurity',
  housing: 'housing instability',
  transportation: 'transportation need',
  utilities: 'utility need',
  safety: 'interpersonal safety concern',
};

const REFERRAL_TYPES = ['ServiceRequest', 'Procedure'] as const;

/** A positive screen of one domain. */
interface PositiveScreen {
  domain: SdohDomain;
  day: number;
  instrument?: string;
  evidence: string[];
}

function fromMeasure(m: MeasureResult): PositiveScreen[] {
  const domains = m.detail?.['domains'];
  if (!domains || typeof domains !== 'object') {
    return [];
  }
  const out: PositiveScreen[] = [];
  for (const domain of SDOH_DOMAINS) {
    const d = (domains as Record<string, unknown>)[domain] as
      { positive?: unknown; date?: unknown; instrument?: unknown; evidence?: unknown } | undefined;
    if (!d || d.positive !== true || typeof d.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d.date)) {
      continue;
    }
    const screen: PositiveScreen = {
      domain,
      day: epochDay(d.date),
      evidence: Array.isArray(d.evidence) ? d.evidence.filter((e): e is string => typeof e === 'string') : [],
    };
    if (typeof d.instrument === 'string') {
      screen.instrument = d.instrument;
    }
    out.push(screen);
  }
  return out;
}

function fromObservations(ctx: EvaluationContext, interpret: SdohObservationInterpreter): PositiveScreen[] {
  const latest = new Map<SdohDomain, { day: number; positive: boolean; instrument: string; ref: string }>();
  for (const obs of ctx.ofType<fhir4.Observation>('Observation')) {
    if (!obs || !['final', 'amended', 'corrected'].includes(obs.status)) {
      continue;
    }
    const read = interpret(obs);
    if (!read || read.positive === undefined) {
      continue;
    }
    const start = dayBounds(ctx.effectiveOf(obs).interval).start;
    const day = start && start.low === start.high ? start.low : dayOfText(obs.issued);
    if (day === undefined || day < ctx.periodStartDay || day > ctx.asOfDay) {
      continue;
    }
    const prev = latest.get(read.domain);
    if (!prev || day > prev.day || (day === prev.day && read.positive && !prev.positive)) {
      latest.set(read.domain, {
        day,
        positive: read.positive,
        instrument: read.instrument,
        ref: `Observation/${obs.id ?? 'unknown'}`,
      });
    }
  }
  const out: PositiveScreen[] = [];
  for (const domain of SDOH_DOMAINS) {
    const s = latest.get(domain);
    if (s?.positive) {
      out.push({ domain, day: s.day, instrument: s.instrument, evidence: [s.ref] });
    }
  }
  return out;
}

/** Referrals / interventions addressing a domain, with their day. */
function referrals(ctx: EvaluationContext, domain: SdohDomain): { reference: string; day: number }[] {
  const out: { reference: string; day: number }[] = [];
  for (const sr of ctx.ofType<fhir4.ServiceRequest>('ServiceRequest')) {
    if (!REFERRAL_STATUSES.includes(sr.status) || !addressesDomain(domain, sr.category, sr.code)) {
      continue;
    }
    const occ = dayBounds(choiceRead(sr, 'occurrence').interval).start;
    const day = dayOfText(sr.authoredOn) ?? (occ && occ.low === occ.high ? occ.low : undefined);
    if (day !== undefined) {
      out.push({ reference: `ServiceRequest/${sr.id ?? 'unknown'}`, day });
    }
  }
  for (const p of ctx.ofType<fhir4.Procedure>('Procedure')) {
    if (!INTERVENTION_STATUSES.includes(p.status) || !addressesDomain(domain, p.category, p.code)) {
      continue;
    }
    const start = dayBounds(choiceRead(p, 'performed').interval).start;
    if (start && start.low === start.high) {
      out.push({ reference: `Procedure/${p.id ?? 'unknown'}`, day: start.low });
    }
  }
  return out.sort((a, b) => a.day - b.day);
}

function domainGap(ctx: EvaluationContext, s: PositiveScreen, policy: GapPolicy): GapResult {
  const id = `${SDOH_FOLLOW_UP_ID}:${s.domain}`;
  const title = `Referral or intervention for positive ${LABELS[s.domain]} screen`;
  const last = s.day + policy.sdohFollowUpDays;
  const due = isoDay(last);
  const screened = isoDay(s.day);
  const evidence: Evidence[] = s.evidence.map((reference) => ({
    reference,
    rule: `sdoh-${s.domain}-positive`,
    date: screened,
    value: 'positive',
    ...(s.instrument ? { display: s.instrument } : {}),
  }));
  // nothing dated after asOf counts: a referral written later has not happened yet on asOf
  const all = referrals(ctx, s.domain).filter((r) => r.day <= ctx.asOfDay);
  const hit = all.find((r) => r.day >= s.day && r.day <= last);
  if (hit) {
    return {
      id,
      title,
      status: 'closed',
      why: `Positive ${LABELS[s.domain]} screen on ${screened}; addressed on ${isoDay(hit.day)}.`,
      evidence: [...evidence, { reference: hit.reference, rule: 'sdoh-referral', date: isoDay(hit.day) }],
    };
  }
  const closes = `Refer to a social-care resource for ${LABELS[s.domain]} (ServiceRequest with the Gravity SDOH category, or a social-worker referral) by ${due}`;
  const reasons = incompleteInputs(ctx, REFERRAL_TYPES);
  if (reasons.length) {
    return {
      id,
      title,
      status: 'unknown',
      due,
      closes,
      why: `Positive ${LABELS[s.domain]} screen on ${screened}; referrals may not all have been read: ${reasons.join('; ')}.`,
      evidence,
    };
  }
  if (ctx.asOfDay <= last) {
    return {
      id,
      title,
      status: 'open',
      due,
      closes,
      why: `Positive ${LABELS[s.domain]} screen on ${screened} with no referral or intervention yet — ${last - ctx.asOfDay} day(s) left.`,
      evidence,
    };
  }
  const late = all.find((r) => r.day > last);
  return {
    id,
    title,
    status: 'open',
    due,
    closes: `Address the ${LABELS[s.domain]} need, and re-screen`,
    why: `Missed: no referral or intervention within ${policy.sdohFollowUpDays} days of the positive ${LABELS[s.domain]} screen on ${screened}${late ? ` (the one on ${isoDay(late.day)} came after the window)` : ''}; the window closed on ${due}.`,
    evidence,
  };
}

/** The SDOH follow-up gap family; `interpret` reads Observations when the sdoh-screening measure was not evaluated. */
export function sdohPositiveFollowUpGaps(
  interpret?: SdohObservationInterpreter,
  policy: GapPolicy = DEFAULT_GAP_POLICY,
): GapDefinition {
  return {
    ids: [SDOH_FOLLOW_UP_ID, ...SDOH_DOMAINS.map((d) => `${SDOH_FOLLOW_UP_ID}:${d}`)],
    requires: [...REFERRAL_TYPES, 'Observation'],
    evaluate(ctx, measures) {
      const measure = measures.find((m) => m.id === SDOH_SCREENING_MEASURE_ID);
      // a screen dated after asOf (the measure reads the whole period) is not known on asOf
      const screens = (measure ? fromMeasure(measure) : interpret ? fromObservations(ctx, interpret) : []).filter(
        (s) => s.day <= ctx.asOfDay,
      );
      if (screens.length) {
        return screens.map((s) => domainGap(ctx, s, policy));
      }
      const title = 'Referral or intervention for positive SDOH screens';
      const reasons =
        measure?.status === 'unknown'
          ? (measure.reasons ?? ['SDOH screening data incomplete'])
          : incompleteInputs(ctx, ['Observation']);
      if (reasons.length) {
        return [
          {
            id: SDOH_FOLLOW_UP_ID,
            title,
            status: 'unknown',
            why: `Cannot tell whether an SDOH screen was positive: ${reasons.join('; ')}.`,
            evidence: [],
          },
        ];
      }
      return [
        {
          id: SDOH_FOLLOW_UP_ID,
          title,
          status: 'not-applicable',
          why: 'No positive SDOH screen in the measurement period.',
          evidence: [],
        },
      ];
    },
  };
}
