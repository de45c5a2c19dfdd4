/**
 * Scores an AHC HRSN administration: which domains are screened (every question of the domain
 * answered) and positive (any positive answer; safety: HITS total 4–20 > 10), and turns the answers
 * into the write-back responses (one per question, plus the HITS total).
 */
import type { SdohResponse } from '../../fhir/write-back-sdoh.ts';
import { LOINC } from '../../engine/index.ts';
import {
  AHC_HRSN_QUESTIONS,
  HITS_CATEGORY,
  HITS_POSITIVE_ABOVE,
  LA,
  LOINC_HITS_TOTAL,
  questionCoding,
  type HrsnDomain,
  type HrsnQuestion,
} from './ahc-hrsn-items.ts';

/** Selected answer codes per question LOINC. */
export type HrsnAnswers = Readonly<Record<string, readonly string[]>>;

/** Per-domain result. */
export interface DomainScore {
  domain: HrsnDomain;
  /** Every question of the domain answered. */
  complete: boolean;
  positive: boolean;
}

/** The HRSN result: domain scores and the HITS total (when all four HITS items are answered). */
export interface HrsnScore {
  domains: DomainScore[];
  hitsTotal?: number;
  /** All five domains complete. */
  complete: boolean;
}

const DOMAINS: readonly HrsnDomain[] = ['housing', 'food', 'transportation', 'utilities', 'safety'];

/** Selected options of a question. */
function selected(q: HrsnQuestion, answers: HrsnAnswers) {
  const codes = answers[q.loinc] ?? [];
  return q.options.filter((o) => codes.includes(o.code));
}

/** HITS total (4–20) when all four safety items are answered, else undefined. */
export function hitsTotal(
  answers: HrsnAnswers,
  questions: readonly HrsnQuestion[] = AHC_HRSN_QUESTIONS,
): number | undefined {
  const items = questions.filter((q) => q.domain === 'safety');
  let total = 0;
  for (const q of items) {
    const points = selected(q, answers)[0]?.points;
    if (points === undefined) {
      return undefined;
    }
    total += points;
  }
  return total;
}

/** Scores the form. */
export function scoreHrsn(answers: HrsnAnswers, questions: readonly HrsnQuestion[] = AHC_HRSN_QUESTIONS): HrsnScore {
  const hits = hitsTotal(answers, questions);
  const domains = DOMAINS.map((domain): DomainScore => {
    const qs = questions.filter((q) => q.domain === domain);
    const complete = qs.every((q) => selected(q, answers).length > 0);
    const positive =
      domain === 'safety'
        ? hits !== undefined && hits > HITS_POSITIVE_ABOVE
        : qs.some((q) => selected(q, answers).some((o) => o.positive));
    return { domain, complete, positive };
  });
  return { domains, ...(hits !== undefined ? { hitsTotal: hits } : {}), complete: domains.every((d) => d.complete) };
}

/** "None of the above" excludes the problems in a multi-select question (and vice versa). */
export function toggleAnswer(q: HrsnQuestion, current: readonly string[], code: string): string[] {
  if (!q.multiple) {
    return [code];
  }
  if (current.includes(code)) {
    return current.filter((c) => c !== code);
  }
  if (code === LA.noneOfAbove) {
    return [code];
  }
  return [...current.filter((c) => c !== LA.noneOfAbove), code];
}

/** The responses to write: every answered question, then the HITS total when complete. */
export function hrsnResponses(
  answers: HrsnAnswers,
  questions: readonly HrsnQuestion[] = AHC_HRSN_QUESTIONS,
): SdohResponse[] {
  const out: SdohResponse[] = [];
  for (const q of questions) {
    const opts = selected(q, answers);
    if (opts.length === 0) {
      continue;
    }
    out.push({
      question: questionCoding(q),
      domainCategory: q.category,
      answers: opts.map((o) => ({ system: LOINC, code: o.code, display: o.display })),
    });
  }
  const hits = hitsTotal(answers, questions);
  if (hits !== undefined) {
    out.push({
      question: { system: LOINC, code: LOINC_HITS_TOTAL, display: 'Total score [HITS]' },
      domainCategory: HITS_CATEGORY,
      score: hits,
    });
  }
  return out;
}
