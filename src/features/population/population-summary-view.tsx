/**
 * The summary per measure (IP, denominator, exclusions, exceptions, numerator, performance rate)
 * and per gap (open / closed / unknown), with a small SVG bar chart of gap closure rates. The chart
 * is decorative for assistive technology (`aria-hidden`): the same figures are in the gap table,
 * and the chart has a text alternative listing them.
 */
import { formatRate, type GapSummary, type MeasureSummary } from './population-summary.ts';

/** Bar chart of closure rate per gap, with its text alternative. */
export function ClosureChart({ gaps }: { gaps: readonly GapSummary[] }) {
  const rows = gaps.filter((g) => g.closureRate !== undefined);
  const barH = 18;
  const gap = 6;
  const labelW = 190;
  const plotW = 260;
  const height = rows.length * (barH + gap) + gap;
  const alt = rows.map((g) => `${g.title}: ${formatRate(g.closureRate)} closed (${g.closed} of ${g.open + g.closed})`).join('; ');
  if (rows.length === 0) return <p className="muted">No gap is open or closed yet, so there is no closure rate to chart.</p>;
  return (
    <figure className="pop-chart" data-testid="closure-chart">
      <svg width={labelW + plotW + 50} height={height} role="img" aria-label={`Gap closure rate. ${alt}`}>
        {rows.map((g, i) => {
          const y = gap + i * (barH + gap);
          const w = Math.round((g.closureRate ?? 0) * plotW);
          return (
            <g key={g.id}>
              <text x={labelW - 6} y={y + barH - 5} textAnchor="end" fontSize="12">
                {g.title.length > 28 ? `${g.title.slice(0, 27)}…` : g.title}
              </text>
              <rect x={labelW} y={y} width={plotW} height={barH} fill="#e9edf2" />
              <rect x={labelW} y={y} width={w} height={barH} fill="#2f6f4f" />
              <text x={labelW + plotW + 6} y={y + barH - 5} fontSize="12">
                {formatRate(g.closureRate)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="visually-hidden-text">{alt}</figcaption>
    </figure>
  );
}

/** Measure and gap summary tables plus the closure chart. */
export function PopulationSummaryView({ measures, gaps: allGaps }: { measures: readonly MeasureSummary[]; gaps: readonly GapSummary[] }) {
  // A gap that applies to nobody (every patient "not applicable") is listed by name only.
  const gaps = allGaps.filter((g) => g.open + g.closed + g.unknown > 0);
  const idle = allGaps.filter((g) => g.open + g.closed + g.unknown === 0);
  return (
    <section className="pop-summary" aria-labelledby="pop-summary-title">
      <h2 id="pop-summary-title">Summary</h2>
      <table className="pop-summary-table" data-testid="measure-summary">
        <caption>Measures (patients with incomplete data are counted as unknown, not in the populations)</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col">Initial population</th>
            <th scope="col">Denominator</th>
            <th scope="col">Exclusions</th>
            <th scope="col">Exceptions</th>
            <th scope="col">Numerator</th>
            <th scope="col">Performance rate</th>
            <th scope="col">Unknown</th>
          </tr>
        </thead>
        <tbody>
          {measures.map((m) => (
            <tr key={m.id} data-testid={`measure-summary-${m.id}`}>
              <th scope="row">{m.title}</th>
              <td data-pop="initial-population">{m.counts['initial-population']}</td>
              <td data-pop="denominator">{m.counts.denominator}</td>
              <td data-pop="denominator-exclusion">{m.counts['denominator-exclusion']}</td>
              <td data-pop="denominator-exception">{m.counts['denominator-exception']}</td>
              <td data-pop="numerator">{m.counts.numerator}</td>
              <td data-pop="rate">
                {formatRate(m.performanceRate)}
                {m.inverse ? <span className="muted"> (lower is better)</span> : null}
              </td>
              <td data-pop="unknown">{m.unknown}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="pop-summary-table" data-testid="gap-summary">
        <caption>Care gaps</caption>
        <thead>
          <tr>
            <th scope="col">Gap</th>
            <th scope="col">Open</th>
            <th scope="col">Closed</th>
            <th scope="col">Unknown</th>
            <th scope="col">Closure rate</th>
          </tr>
        </thead>
        <tbody>
          {gaps.map((g) => (
            <tr key={g.id} data-testid={`gap-summary-${g.id}`}>
              <th scope="row">{g.title}</th>
              <td data-pop="open">{g.open}</td>
              <td data-pop="closed">{g.closed}</td>
              <td data-pop="unknown">{g.unknown}</td>
              <td data-pop="closure">{formatRate(g.closureRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {idle.length ? <p className="muted">Applies to no patient in this population: {idle.map((g) => g.title).join('; ')}.</p> : null}
      <ClosureChart gaps={gaps} />
    </section>
  );
}
