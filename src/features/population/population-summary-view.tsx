/**
 * The summary per measure rate (performance rate against its target first, then numerator,
 * denominator, exclusions, exceptions, initial population) and per gap (open / closed / unknown)
 * with the closure rate drawn as a bar in its own row. The bars live in the table: each label is
 * the gap's own short name (never cut into another's prefix) and each bar states its figure in
 * words, so the chart is its own text alternative.
 */
import { gapLabel, measureLabel } from './finding-labels.ts';
import { formatRate, type GapSummary, type MeasureSummary } from './population-summary.ts';
import { standing, TARGETS, type TargetConfig } from './targets.ts';

/** "70% target (example)" + how the rate stands, in words and an icon (never colour alone). */
export function TargetCell({
  rate,
  targetKey,
  inverse,
  targets = TARGETS,
}: {
  rate: number | undefined;
  targetKey: string;
  inverse: boolean;
  targets?: TargetConfig;
}) {
  const target = targets.byKey.get(targetKey);
  if (!target) {
    return <span className="muted">no target</span>;
  }
  const s = standing(rate, target, inverse);
  const goal = `${inverse ? '≤ ' : ''}${formatRate(target.rate)}`;
  if (!s) {
    return <span>{goal}</span>;
  }
  const gap = Math.abs(s.points);
  const text = s.meets ? 'met' : `${gap} pt${gap === 1 ? '' : 's'} ${inverse ? 'over' : 'below'}`;
  return (
    <span className={s.meets ? 'tone-good' : 'tone-bad'} data-meets={s.meets}>
      {goal} · <span aria-hidden="true">{s.meets ? '✓' : '▼'}</span> {text}
    </span>
  );
}

/** A closure rate as a bar and its figure ("—" when no patient has the gap open or closed). */
function ClosureBar({ rate }: { rate: number | undefined }) {
  if (rate === undefined) {
    return <span>—</span>;
  }
  const pct = Math.round(rate * 100);
  return (
    <span className="pop-bar">
      <span className="pop-bar-track" aria-hidden="true">
        <span className="pop-bar-fill" style={{ width: `${pct}%` }} />
      </span>
      <span className="pop-bar-value">{pct}%</span>
    </span>
  );
}

/** The measures table (with targets). */
export function MeasureSummaryTable({ measures }: { measures: readonly MeasureSummary[] }) {
  return (
    <>
      <p className="muted pop-note">
        Rate = numerator ÷ (denominator − exclusions − exceptions). Patients with incomplete data are counted as
        unknown, not in the populations.
      </p>
      <div className="pop-hscroll">
        <table className="pop-summary-table" data-testid="measure-summary">
          <caption className="visually-hidden-text">Measure rates, targets and populations</caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">Performance rate</th>
              <th scope="col">{TARGETS.examples ? 'Target (example)' : 'Target'}</th>
              <th scope="col">Numerator</th>
              <th scope="col">Denominator</th>
              <th scope="col">Exclusions</th>
              <th scope="col">Exceptions</th>
              <th scope="col">Initial population</th>
              <th scope="col">Unknown</th>
            </tr>
          </thead>
          <tbody>
            {measures.map((m) => (
              <tr key={m.id} data-testid={`measure-summary-${m.id}`}>
                <th scope="row" title={m.title}>
                  {measureLabel(m.measureId, m.title, m.groupId)}
                </th>
                <td data-pop="rate">
                  {formatRate(m.performanceRate)}
                  {m.inverse ? <span className="muted pop-inverse">lower is better</span> : null}
                </td>
                <td data-pop="target">
                  <TargetCell rate={m.performanceRate} targetKey={m.id} inverse={m.inverse} />
                </td>
                <td data-pop="numerator">{m.counts.numerator}</td>
                <td data-pop="denominator">{m.counts.denominator}</td>
                <td data-pop="denominator-exclusion">{m.counts['denominator-exclusion']}</td>
                <td data-pop="denominator-exception">{m.counts['denominator-exception']}</td>
                <td data-pop="initial-population">{m.counts['initial-population']}</td>
                <td data-pop="unknown">{m.unknown}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {TARGETS.examples ? (
        <p className="muted pop-note" data-testid="targets-note">
          Targets are examples shipped with the app (src/features/population/targets.json), not CMS, NCQA or contract
          benchmarks.
        </p>
      ) : null}
    </>
  );
}

/** The care-gap table and its closure bars. */
export function GapSummaryView({ gaps: allGaps }: { gaps: readonly GapSummary[] }) {
  // A gap that applies to nobody (every patient "not applicable") is listed by name only.
  const gaps = allGaps.filter((g) => g.open + g.missed + g.closed + g.unknown > 0);
  const idle = allGaps.filter((g) => g.open + g.missed + g.closed + g.unknown === 0);
  return (
    <section className="pop-section" aria-labelledby="pop-gaps-title">
      <h2 id="pop-gaps-title">Care gaps</h2>
      <p className="muted pop-note">
        Patients per gap status; closure rate = closed ÷ (open + missed + closed). Missed: a follow-up window that ended
        unmet and can no longer be closed this period.
      </p>
      <div className="pop-hscroll">
        <table className="pop-summary-table pop-gap-table" data-testid="gap-summary">
          <caption className="visually-hidden-text">Care gaps: closure rate and patients per status</caption>
          <thead>
            <tr>
              <th scope="col">Gap</th>
              <th scope="col" className="pop-closure-col">
                Closure rate
              </th>
              <th scope="col">Open</th>
              <th scope="col">Missed</th>
              <th scope="col">Closed</th>
              <th scope="col">Unknown</th>
            </tr>
          </thead>
          <tbody>
            {gaps.map((g) => (
              <tr key={g.id} data-testid={`gap-summary-${g.id}`}>
                <th scope="row" title={g.title}>
                  {gapLabel(g.id, g.title)}
                </th>
                <td data-pop="closure" className="pop-closure-col">
                  <ClosureBar rate={g.closureRate} />
                </td>
                <td data-pop="open">{g.open}</td>
                <td data-pop="missed">{g.missed}</td>
                <td data-pop="closed">{g.closed}</td>
                <td data-pop="unknown">{g.unknown}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {idle.length ? (
        <p className="muted">
          Applies to no patient in this population: {idle.map((g) => gapLabel(g.id, g.title)).join('; ')}.
        </p>
      ) : null}
    </section>
  );
}
