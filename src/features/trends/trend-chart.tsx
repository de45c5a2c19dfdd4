/**
 * A small line chart in plain SVG: one or two series over days, optional severity bands drawn
 * as labelled horizontal stripes (the label, not only the shade, says which band), an optional
 * threshold line, and a visually hidden table as the text alternative (inside a 1 px clipping block,
 * so it takes no layout space however many rows it has). Readable at 360 px.
 */
import { isoDay, type SeverityBand } from '../../engine/index.ts';
import { formatDay } from '../care-panel/display-date.ts';
import type { TrendPoint } from './trend-series.ts';

/** One series of a chart. */
export interface ChartSeries {
  label: string;
  points: readonly TrendPoint[];
  /** CSS class for the stroke (series are also told apart by marker shape). */
  className: string;
  marker: 'circle' | 'square';
}

/** Props of a chart. */
export interface TrendChartProps {
  id: string;
  title: string;
  unit: string;
  series: readonly ChartSeries[];
  yMin: number;
  yMax: number;
  fromDay: number;
  toDay: number;
  bands?: readonly SeverityBand[];
  /** A reference line (e.g. HbA1c 9 %), with its label. */
  threshold?: { value: number; label: string };
}

const W = 320;
const H = 150;
const PAD = { left: 30, right: 8, top: 8, bottom: 20 };

/** One-sentence summary of a chart for its accessible name. */
export function chartSummary(title: string, unit: string, series: readonly ChartSeries[]): string {
  const parts = series.map((s) => {
    const last = s.points.at(-1);
    const first = s.points[0];
    if (!last || !first) {
      return `${s.label}: no values`;
    }
    return `${s.label}: ${s.points.length} value${s.points.length === 1 ? '' : 's'} from ${formatDay(isoDay(first.day))} to ${formatDay(isoDay(last.day))}, latest ${last.value}${unit ? ` ${unit}` : ''}`;
  });
  return `${title}. ${parts.join('. ')}.`;
}

/** The chart. */
export function TrendChart(p: TrendChartProps) {
  const span = Math.max(1, p.toDay - p.fromDay);
  const x = (day: number) => PAD.left + ((day - p.fromDay) / span) * (W - PAD.left - PAD.right);
  const y = (v: number) =>
    PAD.top + (1 - (Math.min(Math.max(v, p.yMin), p.yMax) - p.yMin) / (p.yMax - p.yMin)) * (H - PAD.top - PAD.bottom);
  const summary = chartSummary(p.title, p.unit, p.series);
  const ticks = [p.yMin, (p.yMin + p.yMax) / 2, p.yMax].map((v) => Math.round(v * 10) / 10);
  return (
    <figure className="trend-chart" data-testid={`chart-${p.id}`}>
      <figcaption>{p.title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} focusable="false">
        {(p.bands ?? []).map((b, i) => {
          // Integer scores: a band 5–9 covers 4.5 … 9.5 so adjacent bands meet without a gap.
          const top = y(b.max + 0.5);
          const bottom = y(b.min - 0.5);
          return (
            <g key={b.label}>
              <rect
                x={PAD.left}
                width={W - PAD.left - PAD.right}
                y={top}
                height={Math.max(0, bottom - top)}
                className={`band band-${i}`}
              />
              <text x={W - PAD.right - 2} y={Math.min(bottom - 2, top + 9)} className="band-label" textAnchor="end">
                {b.label}
              </text>
            </g>
          );
        })}
        {ticks.map((t) => (
          <text key={t} x={PAD.left - 4} y={y(t) + 3} className="axis-label" textAnchor="end">
            {t}
          </text>
        ))}
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} className="axis" />
        <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} className="axis" />
        <text x={PAD.left} y={H - 5} className="axis-label">
          {formatDay(isoDay(p.fromDay))}
        </text>
        <text x={W - PAD.right} y={H - 5} className="axis-label" textAnchor="end">
          {formatDay(isoDay(p.toDay))}
        </text>
        {p.threshold ? (
          <g>
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(p.threshold.value)}
              y2={y(p.threshold.value)}
              className="threshold"
            />
            <text x={PAD.left + 3} y={y(p.threshold.value) - 3} className="band-label">
              {p.threshold.label}
            </text>
          </g>
        ) : null}
        {p.series.map((s) => (
          <g key={s.label} className={s.className}>
            {s.points.length > 1 ? (
              <polyline fill="none" points={s.points.map((pt) => `${x(pt.day)},${y(pt.value)}`).join(' ')} />
            ) : null}
            {s.points.map((pt, i) =>
              s.marker === 'circle' ? (
                <circle key={i} cx={x(pt.day)} cy={y(pt.value)} r={3} />
              ) : (
                <rect key={i} x={x(pt.day) - 3} y={y(pt.value) - 3} width={6} height={6} />
              ),
            )}
          </g>
        ))}
      </svg>
      {/* A table's height is only a minimum, so a hidden table of 700 readings still took 18,000 px:
          the 1 px clipping box is a block around it. */}
      <div className="visually-hidden" data-testid={`chart-${p.id}-table`}>
        <table>
          <caption>{p.title} values</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              {p.series.map((s) => (
                <th key={s.label} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...new Set(p.series.flatMap((s) => s.points.map((pt) => pt.day)))]
              .sort((a, b) => a - b)
              .map((day) => (
                <tr key={day}>
                  <th scope="row">{formatDay(isoDay(day))}</th>
                  {p.series.map((s) => (
                    <td key={s.label}>
                      {s.points
                        .filter((pt) => pt.day === day)
                        .map((pt) => pt.value)
                        .join(', ')}
                    </td>
                  ))}
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
