/**
 * `sdoh-need:<domain>`: one flag per SDOH domain (food, housing, transportation, utilities,
 * interpersonal safety) whose most recent screen in the last 12 months was positive, naming the
 * instrument and date. A later negative screen of the same domain supersedes an earlier positive
 * (the need is recorded as resolved); on one day, a positive answer outweighs a negative one.
 * Observations are interpreted by codes/sdoh-items.ts (AHC HRSN, Hunger Vital Sign, PRAPARE …,
 * measures.md §2.4), passed in so this family stays independent of the instrument tables. HITS
 * items answered as separate Observations are summed per day (positive when the sum is > 10).
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import type { FlagDefinition } from '../measure-definition.ts';
import type { FlagResult } from '../types.ts';
import { DEFAULT_RISK_POLICY, type RiskPolicy, type SdohDomain } from '../config/risk-policy.ts';
import { isoDay } from '../cql/calendar-days.ts';
import { observationDay, refOf, withinDaysBefore } from './event-days.ts';
import { observationsCoded } from './coded-readings.ts';
import { displayDay } from './statement-format.ts';

/** One domain finding of an SDOH answer (the shape of `sdohFindingsOf` in codes/sdoh-items.ts). */
export interface SdohInterpretation {
  domain: SdohDomain;
  /** `undefined` when the item alone cannot decide (one HITS item). */
  positive: boolean | undefined;
  instrument: string;
  /** The LOINC item answered. */
  question?: string;
  /** Points of one HITS item (Never 1 … Frequently 5). */
  hitsPoints?: number;
}

/**
 * Every domain finding one Observation carries (empty when it is not an SDOH answer); `ctx` is the
 * evaluation, so that an interpreter may share its readings with the measure that read them first.
 */
export type SdohInterpreter = (obs: fhir4.Observation, ctx: EvaluationContext) => readonly SdohInterpretation[];

/** Decides a HITS screen from its item points (positive when the sum is > 10), `undefined` while undecidable. */
export type HitsScorer = (points: readonly number[]) => boolean | undefined;

/** The five domains in display order. */
export const SDOH_DOMAINS: readonly SdohDomain[] = ['food', 'housing', 'transportation', 'utilities', 'safety'];

/** Plain-language name of each domain's need. */
export const SDOH_NEED_LABELS: Readonly<Record<SdohDomain, string>> = {
  food: 'Food insecurity',
  housing: 'Housing instability',
  transportation: 'Transportation need',
  utilities: 'Utility difficulty',
  safety: 'Interpersonal safety concern',
};

/** Flag ids of this family (`sdoh-need` selects them all). */
export const SDOH_NEED_FLAG_IDS = ['sdoh-need', ...SDOH_DOMAINS.map((d) => `sdoh-need:${d}`)] as const;

interface DomainScreen {
  day: number;
  positive: boolean;
  instrument: string;
  reference: string;
}

/** Whether a bare LOINC code is an SDOH panel or item (lets the family skip vital signs and labs). */
export type SdohCodeTest = (code: string) => boolean;

/**
 * The SDOH-need flag family under a policy, reading the Observations coded with an SDOH code
 * (`isSdohCode`) with `interpret`, and `hits` for HITS items.
 */
export function sdohNeedFlags(
  interpret: SdohInterpreter,
  hits: HitsScorer,
  isSdohCode: SdohCodeTest,
  policy: RiskPolicy = DEFAULT_RISK_POLICY,
): FlagDefinition {
  return {
    ids: SDOH_NEED_FLAG_IDS,
    requires: ['Observation'],
    evaluate(ctx) {
      const latest = new Map<SdohDomain, DomainScreen>();
      const consider = (domain: SdohDomain, screen: DomainScreen) => {
        const prev = latest.get(domain);
        if (!prev || screen.day > prev.day || (screen.day === prev.day && screen.positive && !prev.positive)) {
          latest.set(domain, screen);
        }
      };
      // HITS items per day: question → points, and the first Observation of that day
      const hitsByDay = new Map<number, { points: Map<string, number>; reference: string; instrument: string }>();
      for (const obs of observationsCoded(ctx, isSdohCode)) {
        let findings: readonly SdohInterpretation[];
        try {
          findings = interpret(obs, ctx);
        } catch {
          ctx.issue({
            resourceType: 'Observation',
            id: obs.id,
            field: 'value',
            message: 'SDOH answer could not be interpreted',
            severity: 'warning',
          });
          continue;
        }
        if (!findings.length) {
          continue;
        }
        const day = observationDay(ctx, obs);
        if (day === undefined || !withinDaysBefore(day, ctx.asOfDay, policy.sdoh.lookbackDays)) {
          continue;
        }
        for (const f of findings) {
          if (f.positive !== undefined) {
            consider(f.domain, { day, positive: f.positive, instrument: f.instrument, reference: refOf(obs) });
          } else if (f.hitsPoints !== undefined && f.question) {
            const entry = hitsByDay.get(day) ?? {
              points: new Map<string, number>(),
              reference: refOf(obs),
              instrument: f.instrument,
            };
            entry.points.set(f.question, f.hitsPoints);
            hitsByDay.set(day, entry);
          }
        }
      }
      for (const [day, h] of hitsByDay) {
        const positive = hits([...h.points.values()]);
        if (positive !== undefined) {
          consider('safety', { day, positive, instrument: h.instrument, reference: h.reference });
        }
      }
      const out: FlagResult[] = [];
      for (const domain of SDOH_DOMAINS) {
        const s = latest.get(domain);
        if (!s?.positive) {
          continue;
        }
        out.push({
          id: `sdoh-need:${domain}`,
          severity: policy.sdoh.severity[domain],
          statement: `${SDOH_NEED_LABELS[domain]}: positive ${s.instrument} screen on ${displayDay(s.day)}.`,
          evidence: [
            {
              reference: s.reference,
              rule: `sdoh-${domain}-positive`,
              date: isoDay(s.day),
              display: s.instrument,
              value: 'positive',
            },
          ],
        });
      }
      return out;
    },
  };
}
