/**
 * eCQM status: depression screening & follow-up (CMS2) and SDOH screening in full — status, and
 * for "not met" exactly what is missing — then the LEAD / APP Plus measures compactly (CMS122 read
 * the right way round: its numerator is poor control). A result that holds only once the visit in
 * context is closed says so; a measure the patient is not in says why, and what today's visit adds.
 */
import { measureKind, type MeasureResult } from '../../engine/index.ts';
import { measureDetailLine, measureStatusLabel, sdohDomains } from './describe-status.ts';
import { notInPopulationLabel, populationText, visitMeasureLabel, type VisitView } from './describe-visit.ts';
import { EvidenceDrawer } from './evidence-drawer.tsx';
import { usePlain } from './plain-language-context.ts';

/** Shown in full (the panel's focus): the measures with a point-of-care kind (depression and SDOH screening). */
export function isFocusMeasure(id: string): boolean {
  return measureKind(id) !== undefined;
}

/** Props of the measure section. */
export interface MeasureListProps {
  measures: readonly MeasureResult[];
  resources: Partial<Record<string, readonly unknown[]>>;
  thisYear: number;
  /** The visit in context and how it changes each result (absent: results as recorded). */
  visit?: VisitView;
}

/** One measure line. */
function MeasureItem({
  m,
  resources,
  thisYear,
  visit,
  compact,
}: { m: MeasureResult; compact: boolean } & Omit<MeasureListProps, 'measures'>) {
  const plain = usePlain();
  const at = visit?.measures[m.id];
  const label =
    visitMeasureLabel(m, at) ??
    (m.status === 'not-in-population' ? notInPopulationLabel(at?.notInPopulation) : measureStatusLabel(m));
  const detail = measureDetailLine(m);
  const why = at?.notInPopulation && visit ? populationText(at.notInPopulation, visit, thisYear) : undefined;
  const domains = measureKind(m.id) === 'sdoh-screening' ? sdohDomains(m) : [];
  return (
    <li
      className={`finding measure${compact ? ' compact' : ''}`}
      data-testid={`measure-${m.id}`}
      data-status={m.status}
      {...(at && at.effect !== 'none' ? { 'data-visit-effect': at.effect } : {})}
    >
      <div className="finding-head">
        <span className={`badge tone-${label.tone}`}>
          <span aria-hidden="true">{label.icon}</span> {label.text}
        </span>{' '}
        <strong>{m.title}</strong>
      </div>
      {why ? (
        <div className="why" data-testid="population-why">
          {why}
        </div>
      ) : null}
      {detail ? <div className="why">{plain(detail)}</div> : null}
      {domains.length ? (
        <ul className="domain-list" aria-label="SDOH domains">
          {domains.map((d) => (
            <li key={d.domain} data-testid={`sdoh-domain-${d.domain}`}>
              {d.domain.replace(/[-_]/g, ' ')}:{' '}
              {d.screened ? (d.positive ? '⚠ positive' : '✓ screened, negative') : '✗ not screened'}
            </li>
          ))}
        </ul>
      ) : null}
      <EvidenceDrawer evidence={m.evidence} resources={resources} label={m.title} />
    </li>
  );
}

/** The measure section. */
export function MeasureList({ measures, ...rest }: MeasureListProps) {
  const focus = measures.filter((m) => isFocusMeasure(m.id));
  // episode measures (fuh, fum, fua, tcm) count this period's events; their point-of-care side is the gaps list
  const episodes = measures.filter((m) => m.populationBasis);
  const others = measures.filter((m) => !isFocusMeasure(m.id) && !m.populationBasis);
  return (
    <section className="panel-section" aria-labelledby="measures-heading" data-testid="measures">
      <h2 id="measures-heading">Quality measures</h2>
      <ul className="finding-list">
        {focus.map((m) => (
          <MeasureItem key={m.id} m={m} {...rest} compact={false} />
        ))}
      </ul>
      {others.length ? (
        <>
          <h3>LEAD / APP Plus</h3>
          <ul className="finding-list compact-list">
            {others.map((m) => (
              <MeasureItem key={m.id} m={m} {...rest} compact />
            ))}
          </ul>
        </>
      ) : null}
      {episodes.some((m) => m.status !== 'not-in-population') ? (
        <>
          <h3>Follow-up rates this period (per event)</h3>
          <ul className="finding-list compact-list">
            {episodes
              .filter((m) => m.status !== 'not-in-population')
              .map((m) => (
                <li
                  key={m.id}
                  className="finding measure compact"
                  data-testid={`measure-${m.id}`}
                  data-status={m.status}
                >
                  <div className="finding-head">
                    <strong>{m.title}</strong>
                  </div>
                  <div className="why">{episodeRatesLine(m)}</div>
                  <EvidenceDrawer evidence={m.evidence} resources={rest.resources} label={m.title} />
                </li>
              ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** "7-day: 1 of 2 events · 30-day: 2 of 2 events" (exclusions left out of the "of"). */
function episodeRatesLine(m: MeasureResult): string {
  if (m.status === 'unknown') {
    return `Cannot be decided: ${(m.reasons ?? ['some data could not be read']).join('; ')}`;
  }
  return (m.groups ?? [])
    .map((g) => {
      const scored = g.populations.denominator - g.populations['denominator-exclusion'];
      const extra = g.inProgress ? `, ${g.inProgress} window still open` : '';
      return `${g.id}: ${g.populations.numerator} of ${scored} event${scored === 1 ? '' : 's'} followed up${extra}`;
    })
    .join(' · ');
}
