/**
 * Which SDOH domains were screened during the measurement period, and whether each screen was
 * positive: reads answered LOINC items from Observations (value or components, panel members
 * inherit their panel's instrument) and from QuestionnaireResponses whose linkIds are LOINC codes.
 * A domain counts as screened when any of its items was answered on a day of the period, whatever
 * the instrument and whichever day (MIPS #487: all five domains once per performance period,
 * ../shared/design/measures.md §2.1). Positivity per domain follows the most recent day with a
 * decided answer; on that day a positive answer outweighs a negative one (same rule as the
 * `sdoh-need` flags). HITS items are summed per day (> 10 positive) unless the total 95614-4 is given.
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import { dayOfText, daySpan, isoDay } from '../cql/calendar-days.ts';
import { DAY } from '../cql/date-time.ts';
import { latest } from '../cql/fhir-intervals.ts';
import { includedIn } from '../cql/interval.ts';
import { isTrue } from '../cql/logic.ts';
import {
  SDOH_DOMAINS,
  SDOH_PANELS,
  answersOfResponseItem,
  hitsPositive,
  interpretSdohItem,
  loincCodeOf,
  loincFromLinkId,
  type SdohDomain,
  type SdohFinding,
  type SdohInstrument,
} from '../codes/sdoh-items.ts';
import { sdohFindingsReader } from '../codes/sdoh-findings-memo.ts';

/** Per-domain screening result, as published in `MeasureResult.detail.domains`. */
export interface SdohDomainResult {
  screened: boolean;
  /** `undefined` when not screened or no answer decided it (e.g. incomplete HITS). */
  positive: boolean | undefined;
  /** Day (ISO) of the screen that decided `positive`, else of the latest screen. */
  date?: string;
  instrument?: string;
  /** `Type/id` of every resource that screened this domain in the period. */
  evidence: string[];
}

/** One answered item located in time. */
interface DatedFinding {
  finding: SdohFinding;
  day: number;
  reference: string;
}

/** QuestionnaireResponse statuses whose answers count. */
export const RESPONSE_STATUSES: readonly string[] = ['completed', 'amended'];

/**
 * The day of an Observation in the period: `effective.toInterval() during day of "Measurement
 * Period"`, dated on the latest day of `effective.latest()`; else, without an effective time,
 * the day it was issued in the period. `undefined` when none.
 */
function observationDay(ctx: EvaluationContext, obs: fhir4.Observation): number | undefined {
  const read = ctx.effectiveOf(obs);
  if (read.interval) {
    if (!isTrue(includedIn(read.interval, ctx.measurementPeriod, DAY))) {
      return undefined;
    }
    const at = latest(read.interval);
    return at ? daySpan(at).high : undefined;
  }
  if (read.malformed) {
    ctx.issue({
      resourceType: 'Observation',
      ...(obs.id ? { id: obs.id } : {}),
      field: read.malformed,
      message: 'unreadable date',
      severity: 'warning',
    });
    return undefined;
  }
  const day = dayOfText(obs.issued);
  return day !== undefined && day >= ctx.periodStartDay && day <= ctx.periodEndDay ? day : undefined;
}

/** Instruments of panel members (`hasMember`), so that a food item inside AHC HRSN is reported as AHC HRSN. */
function memberContexts(observations: readonly fhir4.Observation[]): Map<string, SdohInstrument> {
  const out = new Map<string, SdohInstrument>();
  for (const o of observations) {
    const panel = SDOH_PANELS[loincCodeOf(o.code) ?? ''];
    if (!panel) {
      continue;
    }
    for (const m of o.hasMember ?? []) {
      if (typeof m?.reference === 'string') {
        out.set(m.reference, panel);
      }
    }
  }
  return out;
}

function findingsFromObservations(ctx: EvaluationContext): DatedFinding[] {
  const observations = ctx.ofType<fhir4.Observation>('Observation').filter((o) => o && typeof o === 'object');
  const contexts = memberContexts(observations);
  const out: DatedFinding[] = [];
  const findingsOf = sdohFindingsReader(ctx);
  for (const obs of observations) {
    // most Observations are not SDOH items: the reference text is built only when needed
    const findings = findingsOf(obs, contexts.size ? contexts.get(`Observation/${obs.id ?? ''}`) : undefined);
    if (!findings.length) {
      continue;
    }
    const reference = `Observation/${obs.id ?? ''}`;
    const day = observationDay(ctx, obs);
    if (day === undefined) {
      continue;
    }
    for (const finding of findings) {
      out.push({ finding, day, reference });
    }
  }
  return out;
}

function findingsFromResponses(ctx: EvaluationContext): DatedFinding[] {
  const out: DatedFinding[] = [];
  for (const qr of ctx.ofType<fhir4.QuestionnaireResponse>('QuestionnaireResponse')) {
    if (!qr || !RESPONSE_STATUSES.includes(qr.status)) {
      continue;
    }
    const day = dayOfText(qr.authored);
    if (day === undefined || day < ctx.periodStartDay || day > ctx.periodEndDay) {
      continue;
    }
    const reference = `QuestionnaireResponse/${qr.id ?? ''}`;
    const questionnaireCode =
      typeof qr.questionnaire === 'string' ? loincFromLinkId(qr.questionnaire.split('|')[0]) : undefined;
    const walk = (
      items: readonly fhir4.QuestionnaireResponseItem[] | undefined,
      context: SdohInstrument | undefined,
    ): void => {
      // wrong-typed `item` / `answer` (an object instead of a list) is read as no items, never a crash
      for (const item of Array.isArray(items) ? items : []) {
        const code = loincFromLinkId(item?.linkId);
        const inner = (code && SDOH_PANELS[code]) || context;
        if (code) {
          for (const finding of interpretSdohItem(code, answersOfResponseItem(item), inner)) {
            out.push({ finding, day, reference });
          }
        }
        walk(item?.item, inner);
        for (const a of Array.isArray(item?.answer) ? item.answer : []) {
          walk(a?.item, inner);
        }
      }
    };
    walk(qr.item, questionnaireCode ? SDOH_PANELS[questionnaireCode] : undefined);
  }
  return out;
}

/** HITS items of one day summed into safety findings (when no HITS total decides that day). */
function scoreHitsDays(found: DatedFinding[]): DatedFinding[] {
  const byDay = new Map<number, DatedFinding[]>();
  for (const f of found) {
    if (f.finding.hitsPoints !== undefined) {
      byDay.set(f.day, [...(byDay.get(f.day) ?? []), f]);
    }
  }
  const scored: DatedFinding[] = [];
  for (const [day, items] of byDay) {
    const perItem = new Map<string, number>();
    for (const i of items) {
      perItem.set(i.finding.question, i.finding.hitsPoints!);
    }
    const positive = hitsPositive([...perItem.values()]);
    const first = items[0]!;
    if (positive !== undefined) {
      scored.push({ day, reference: first.reference, finding: { ...first.finding, positive } });
    }
  }
  return scored;
}

/** Screens of every domain during the measurement period. */
export function screenedDomains(
  ctx: EvaluationContext,
  includeResponses: boolean,
): Record<SdohDomain, SdohDomainResult> {
  const found = [...findingsFromObservations(ctx), ...(includeResponses ? findingsFromResponses(ctx) : [])];
  const decided = [...found.filter((f) => f.finding.positive !== undefined), ...scoreHitsDays(found)];
  const result = {} as Record<SdohDomain, SdohDomainResult>;
  for (const domain of SDOH_DOMAINS) {
    const all = found.filter((f) => f.finding.domain === domain);
    const evidence = [...new Set(all.map((f) => f.reference))];
    if (!all.length) {
      result[domain] = { screened: false, positive: undefined, evidence };
      continue;
    }
    const mine = decided.filter((f) => f.finding.domain === domain);
    const lastDecidedDay = mine.reduce((m, f) => Math.max(m, f.day), -Infinity);
    const onDay = mine.filter((f) => f.day === lastDecidedDay);
    const pick = onDay.find((f) => f.finding.positive === true) ?? onDay[0];
    const latest = pick ?? all.reduce((a, b) => (b.day > a.day ? b : a));
    result[domain] = {
      screened: true,
      positive: pick?.finding.positive,
      date: isoDay(latest.day),
      instrument: latest.finding.instrument,
      evidence,
    };
  }
  return result;
}
