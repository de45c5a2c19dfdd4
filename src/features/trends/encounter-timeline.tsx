/**
 * ED visits and inpatient stays on a 12-month timeline: ED visits as triangles, stays as bars from
 * admission to discharge, month ticks; a visually hidden list is the text alternative.
 */
import { isoDay } from '../../engine/index.ts';
import { formatDay } from '../care-panel/display-date.ts';
import type { TimelineEvent } from './trend-series.ts';

const W = 320;
const H = 70;
const PAD = { left: 8, right: 8 };

/** Props of the timeline. */
export interface EncounterTimelineProps {
  events: readonly TimelineEvent[];
  fromDay: number;
  toDay: number;
}

/** The summary sentence ("3 ED visits and 1 inpatient stay in the last 12 months"). */
export function timelineSummary(events: readonly TimelineEvent[]): string {
  const ed = events.filter((e) => e.kind === 'ed').length;
  const ip = events.filter((e) => e.kind === 'inpatient').length;
  return `${ed} ED visit${ed === 1 ? '' : 's'} and ${ip} inpatient stay${ip === 1 ? '' : 's'} in the last 12 months`;
}

/** The timeline figure. */
export function EncounterTimeline({ events, fromDay, toDay }: EncounterTimelineProps) {
  const span = Math.max(1, toDay - fromDay);
  const x = (d: number) => PAD.left + ((Math.max(d, fromDay) - fromDay) / span) * (W - PAD.left - PAD.right);
  const summary = timelineSummary(events);
  const months = Array.from({ length: 13 }, (_, i) => fromDay + (span * i) / 12);
  return (
    <figure className="trend-chart timeline" data-testid="chart-encounters">
      <figcaption>ED visits (▲) and inpatient stays (▬), last 12 months</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${summary}.`} focusable="false">
        <line x1={PAD.left} x2={W - PAD.right} y1={46} y2={46} className="axis" />
        {months.map((d, i) => (
          <line key={i} x1={x(d)} x2={x(d)} y1={43} y2={49} className="axis" />
        ))}
        {events.map((e, i) =>
          e.kind === 'ed' ? (
            <path key={i} className="ed-marker" d={`M ${x(e.startDay)} 14 l 5 9 l -10 0 z`} />
          ) : (
            <rect
              key={i}
              className="stay-bar"
              x={x(e.startDay)}
              y={28}
              width={Math.max(3, x(e.endDay) - x(e.startDay))}
              height={9}
            />
          ),
        )}
        <text x={PAD.left} y={64} className="axis-label">
          {formatDay(isoDay(fromDay))}
        </text>
        <text x={W - PAD.right} y={64} className="axis-label" textAnchor="end">
          {formatDay(isoDay(toDay))}
        </text>
      </svg>
      <p className="muted timeline-summary">{summary}.</p>
      <ul className="visually-hidden">
        {events.map((e, i) => (
          <li key={i}>
            {e.kind === 'ed'
              ? `ED visit on ${formatDay(isoDay(e.startDay))}`
              : `Inpatient stay ${formatDay(isoDay(e.startDay))} to ${formatDay(isoDay(e.endDay))}`}
          </li>
        ))}
      </ul>
    </figure>
  );
}
