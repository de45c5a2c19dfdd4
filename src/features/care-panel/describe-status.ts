/**
 * Plain-language labels for statuses, each with a text icon so colour is never the only signal,
 * and the one-line "what is missing" of a measure (e.g. "Positive depression screen on 3 Nov 2026,
 * no follow-up plan documented yet — due by 5 Nov 2026").
 */
import {
  definitionOfGap,
  measureKind,
  type GapResult,
  type GapStatus,
  type MeasureResult,
  type MeasureStatus,
} from '../../engine/index.ts';
import { formatDay } from './display-date.ts';

/** Tone of a status (drives the CSS class; the label and icon carry the meaning). */
export type Tone = 'good' | 'bad' | 'neutral' | 'unknown';

/** A status as the panel shows it. */
export interface StatusLabel {
  icon: string;
  text: string;
  tone: Tone;
}

/** Label of a measure status; inverse measures (CMS122) read the right way round. */
export function measureStatusLabel(m: Pick<MeasureResult, 'status' | 'inverse' | 'detail'>): StatusLabel {
  // an inverse numerator is poor control *or* no result: say which (CMS122 reports the last result in `detail`)
  if (m.inverse && m.status === 'met') {
    return m.detail?.lastResult
      ? { icon: '✗', text: 'Poor control', tone: 'bad' }
      : { icon: '✗', text: 'No result this year', tone: 'bad' };
  }
  if (m.inverse && m.status === 'not-met') {
    return { icon: '✓', text: 'In control', tone: 'good' };
  }
  return MEASURE_LABELS[m.status];
}

const MEASURE_LABELS: Readonly<Record<MeasureStatus, StatusLabel>> = {
  met: { icon: '✓', text: 'Met', tone: 'good' },
  'not-met': { icon: '✗', text: 'Not met', tone: 'bad' },
  excluded: { icon: '–', text: 'Excluded', tone: 'neutral' },
  exception: { icon: '–', text: 'Exception recorded', tone: 'neutral' },
  'not-in-population': { icon: '○', text: 'Does not apply', tone: 'neutral' },
  unknown: { icon: '?', text: 'Unknown', tone: 'unknown' },
};

/** Label of a gap status. */
export function gapStatusLabel(status: GapStatus): StatusLabel {
  switch (status) {
    case 'open':
      return { icon: '!', text: 'Open', tone: 'bad' };
    case 'closed':
      return { icon: '✓', text: 'Closed', tone: 'good' };
    case 'not-applicable':
      return { icon: '○', text: 'Not applicable', tone: 'neutral' };
    default:
      return { icon: '?', text: 'Unknown', tone: 'unknown' };
  }
}

/** The most recent screening CMS2 reports in `detail`, read defensively. */
function mostRecentScreening(m: MeasureResult): { date?: string; result?: string } | undefined {
  const s = m.detail?.mostRecentScreening;
  if (!s || typeof s !== 'object') {
    return undefined;
  }
  const { date, result } = s as { date?: unknown; result?: unknown };
  return { ...(typeof date === 'string' ? { date } : {}), ...(typeof result === 'string' ? { result } : {}) };
}

/**
 * The closing action in the words of the visit: the depression-screening measure's (CMS2) `screen`
 * step, "screen … within 14 days before a qualifying visit", is the coding rule; at the point of
 * care it means screen now and record the result (the panel's PHQ form writes the coded result
 * CMS2 reads). Other texts are kept. `m` is the measure result `what` comes from.
 */
export function clinicianClosing(m: Pick<MeasureResult, 'id' | 'closingStep'> | undefined, what: string): string {
  if (m?.closingStep === 'screen' && measureKind(m.id) === 'depression-screening') {
    return 'Screen for depression with a standardized tool (PHQ-2, then PHQ-9 if positive) and record the result as positive or negative';
  }
  return what;
}

/** The result of the measure whose own gap `gap` is (not of a gap that merely names the measure). */
export function measureOfGap(gap: GapResult, measures: readonly MeasureResult[]): MeasureResult | undefined {
  const def = definitionOfGap(gap);
  return def && measures.find((m) => m.id === def.id);
}

/** One line on what a measure result means for this visit (undefined when nothing to add); engine wording, to be passed through plainText. */
export function measureDetailLine(m: MeasureResult): string | undefined {
  const due = m.closes?.due ? ` — due by ${formatDay(m.closes.due)}` : '';
  if (m.status === 'unknown') {
    return `Cannot be decided: ${(m.reasons ?? ['some data could not be read']).join('; ')}`;
  }
  if (measureKind(m.id) === 'depression-screening') {
    const s = mostRecentScreening(m);
    if (m.status === 'not-met' && s?.result === 'positive') {
      return `Positive depression screen on ${formatDay(s.date)}, no follow-up plan documented yet${due}`;
    }
    if (m.status === 'met' && s?.result) {
      return `Most recent screen ${s.result} on ${formatDay(s.date)}${s.result === 'positive' ? ', follow-up documented' : ''}`;
    }
  }
  if ((m.status === 'not-met' || (m.inverse && m.status === 'met')) && m.closes) {
    return `${clinicianClosing(m, m.closes.what)}${due}`;
  }
  return undefined;
}

/** SDOH measure detail: the domains and whether each was screened / positive, when the engine reports them. */
export function sdohDomains(m: MeasureResult): Array<{ domain: string; screened: boolean; positive: boolean }> {
  const d = m.detail?.domains;
  const read = (domain: string, v: unknown) => {
    const o = v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
    return {
      domain,
      screened: o.screened === true || typeof o.screenedOn === 'string' || typeof o.date === 'string',
      positive: o.positive === true,
    };
  };
  if (Array.isArray(d)) {
    return d.map((v) => read(String((v as Record<string, unknown>)?.domain ?? '?'), v));
  }
  if (d && typeof d === 'object') {
    return Object.entries(d as Record<string, unknown>).map(([k, v]) => read(k, v));
  }
  return [];
}
