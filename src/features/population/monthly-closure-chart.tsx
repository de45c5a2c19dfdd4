/**
 * Month-by-month closure of one measure (chosen from a list): the share of the eligible patients
 * whose gap was closed by the end of each month, this period so far (solid) against the same month
 * of the previous period (dashed), with the target as a dotted line. Its text alternative is a
 * summary sentence (also the SVG's accessible name) and a table of every month's figures.
 * How a closure is dated: src/engine/report/monthly-closure.ts.
 */
import { useState } from 'react';
import type { MonthlyClosurePoint, MonthlyClosureSeries } from '../../engine/index.ts';
import { formatDay } from '../care-panel/display-date.ts';
import { measureLabel } from './finding-labels.ts';
import { formatRate } from './population-summary.ts';
import { TARGETS } from './targets.ts';

const W = 440;
const H = 200;
const PAD = { left: 40, right: 12, top: 12, bottom: 28 };

/** "Mar 2026" from "2026-03" (the panel's date format, display-date.ts). */
export function monthName(month: string): string {
  return formatDay(month);
}

/** The sentence that says what the chart shows (its text alternative). */
export function closureSentence(s: MonthlyClosureSeries, label: string, asOf: string): string {
  const last = [...s.points].reverse().find((p) => p.closed !== undefined);
  if (!last || !s.scored) {
    return `${label}: no patient is eligible yet this period.`;
  }
  const now = `${label}: ${formatRate(last.rate)} closed by ${formatDay(asOf)} (${last.closed} of ${s.scored} eligible patients)`;
  if (s.previousScored === undefined) {
    return `${now}; the previous period was not evaluated.`;
  }
  if (!s.previousScored) {
    return `${now}; no patient was eligible in the previous period.`;
  }
  return `${now}, against ${formatRate(last.previousRate)} by the end of ${monthName(last.previousMonth)} (${last.previousClosed} of ${s.previousScored}).`;
}

function path(points: readonly MonthlyClosurePoint[], rate: (p: MonthlyClosurePoint) => number | undefined): string {
  const step = (W - PAD.left - PAD.right) / Math.max(1, points.length - 1);
  const y = (r: number) => PAD.top + (1 - r) * (H - PAD.top - PAD.bottom);
  let d = '';
  points.forEach((p, i) => {
    const r = rate(p);
    if (r === undefined) {
      return;
    }
    d += `${d ? 'L' : 'M'}${(PAD.left + i * step).toFixed(1)},${y(r).toFixed(1)} `;
  });
  return d.trim();
}

/** The chart with its measure picker, summary sentence and table. */
export function MonthlyClosureChart({ series, asOf }: { series: readonly MonthlyClosureSeries[]; asOf: string }) {
  const usable = series.filter((s) => s.scored > 0 || (s.previousScored ?? 0) > 0);
  const [chosen, setChosen] = useState<string>();
  const s = usable.find((x) => x.id === chosen) ?? usable[0];
  if (!s) {
    return null;
  }
  const label = measureLabel(s.id, s.title);
  const sentence = closureSentence(s, label, asOf);
  const target = s.inverse ? undefined : TARGETS.byKey.get(s.id);
  const y = (r: number) => PAD.top + (1 - r) * (H - PAD.top - PAD.bottom);
  const step = (W - PAD.left - PAD.right) / Math.max(1, s.points.length - 1);
  return (
    <section className="pop-section" aria-labelledby="pop-monthly-title" data-testid="monthly-closure">
      <h2 id="pop-monthly-title">Closure month by month</h2>
      <label>
        Measure{' '}
        <select value={s.id} onChange={(e) => setChosen(e.target.value)} data-testid="monthly-measure">
          {usable.map((x) => (
            <option key={x.id} value={x.id}>
              {measureLabel(x.id, x.title)}
            </option>
          ))}
        </select>
      </label>
      <p data-testid="monthly-sentence">{sentence}</p>
      <figure className="pop-chart">
        <svg viewBox={`0 0 ${W} ${H}`} className="pop-line-chart" role="img" aria-label={sentence}>
          {[0, 0.25, 0.5, 0.75, 1].map((r) => (
            <g key={r}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y(r)} y2={y(r)} stroke="#e3e8ee" />
              <text x={PAD.left - 6} y={y(r) + 4} textAnchor="end" fontSize="11">
                {Math.round(r * 100)}%
              </text>
            </g>
          ))}
          {s.points.map((p, i) => (
            <text key={p.month} x={PAD.left + i * step} y={H - 8} textAnchor="middle" fontSize="11">
              {monthName(p.month).split(' ')[0]}
            </text>
          ))}
          {target ? (
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(target.rate)}
              y2={y(target.rate)}
              stroke="#7a5a00"
              strokeDasharray="2 4"
            />
          ) : null}
          <path
            d={path(s.points, (p) => p.previousRate)}
            fill="none"
            stroke="#8a94a3"
            strokeWidth="2"
            strokeDasharray="6 4"
          />
          <path d={path(s.points, (p) => p.rate)} fill="none" stroke="#1f4f8f" strokeWidth="3" />
        </svg>
        <figcaption className="pop-legend">
          <span className="pop-key pop-key-now" aria-hidden="true" /> this period (to {formatDay(asOf)}){' '}
          <span className="pop-key pop-key-prev" aria-hidden="true" /> previous period, same month
          {target ? (
            <>
              {' '}
              <span className="pop-key pop-key-target" aria-hidden="true" /> target {formatRate(target.rate)}
              {TARGETS.examples ? ' (example)' : ''}
            </>
          ) : null}
        </figcaption>
      </figure>
      <details>
        <summary>Monthly figures (table)</summary>
        <div className="pop-hscroll">
          <table className="pop-summary-table" data-testid="monthly-table">
            <caption className="visually-hidden-text">
              {label}: closed by the end of each month, of the eligible patients of each period
            </caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">Closed in month</th>
                <th scope="col">Closed so far</th>
                <th scope="col">Rate</th>
                <th scope="col">Same month, previous period</th>
                <th scope="col">Closed so far</th>
                <th scope="col">Rate</th>
              </tr>
            </thead>
            <tbody>
              {s.points.map((p) => (
                <tr key={p.month} data-month={p.month}>
                  <th scope="row">{monthName(p.month)}</th>
                  <td>{p.closedInMonth ?? '—'}</td>
                  <td>{p.closed ?? '—'}</td>
                  <td data-col="rate">{formatRate(p.rate)}</td>
                  <td>{monthName(p.previousMonth)}</td>
                  <td>{p.previousClosed ?? '—'}</td>
                  <td data-col="previous-rate">{formatRate(p.previousRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
