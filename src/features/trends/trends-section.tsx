/**
 * The trends section (lazy-loaded): PHQ-9 and GAD-7 with their severity bands, blood pressure
 * with the 140/90 control line, HbA1c with the 9 % poor-control line, and the 12-month ED /
 * inpatient timeline. Charts without data are left out.
 */
import { useMemo } from 'react';
import { GAD7_BANDS, PHQ9_BANDS, epochDay, type PatientRecord } from '../../engine/index.ts';
import { EncounterTimeline } from './encounter-timeline.tsx';
import { TrendChart } from './trend-chart.tsx';
import { trendData } from './trend-series.ts';
import './trends.css';

/** CMS165 control threshold (systolic) drawn on the BP chart. */
const BP_CONTROL_SYSTOLIC = 140;
/** CMS122 poor-control threshold drawn on the HbA1c chart. */
const HBA1C_POOR_CONTROL = 9;

/** Props: the record and the "as of" day. */
export interface TrendsSectionProps {
  record: PatientRecord;
  asOf: string;
}

/** The trends section. */
export default function TrendsSection({ record, asOf }: TrendsSectionProps) {
  const data = useMemo(() => trendData(record, epochDay(asOf)), [record, asOf]);
  const range = { fromDay: data.trendFrom, toDay: data.asOfDay };
  const bpValues = [...data.systolic, ...data.diastolic].map((p) => p.value);
  const a1cMax = Math.max(12, ...data.hba1c.map((p) => p.value));
  const nothing =
    !data.phq9.length && !data.gad7.length && !bpValues.length && !data.hba1c.length && !data.encounters.length;
  return (
    <section className="panel-section trends" aria-labelledby="trends-heading" data-testid="trends">
      <h2 id="trends-heading">Trends</h2>
      {nothing ? (
        <p className="muted">No scores, readings or hospital encounters to chart in the last 24 months.</p>
      ) : null}
      <div className="chart-grid">
        {data.phq9.length ? (
          <TrendChart
            id="phq9"
            title="PHQ-9 total"
            unit=""
            yMin={0}
            yMax={27}
            bands={PHQ9_BANDS}
            {...range}
            series={[{ label: 'PHQ-9', points: data.phq9, className: 'series-a', marker: 'circle' }]}
          />
        ) : null}
        {data.gad7.length ? (
          <TrendChart
            id="gad7"
            title="GAD-7 total"
            unit=""
            yMin={0}
            yMax={21}
            bands={GAD7_BANDS}
            {...range}
            series={[{ label: 'GAD-7', points: data.gad7, className: 'series-a', marker: 'circle' }]}
          />
        ) : null}
        {bpValues.length ? (
          <TrendChart
            id="bp"
            title="Blood pressure (mmHg)"
            unit="mmHg"
            yMin={40}
            yMax={Math.max(200, ...bpValues)}
            {...range}
            threshold={{ value: BP_CONTROL_SYSTOLIC, label: '140' }}
            series={[
              { label: 'Systolic', points: data.systolic, className: 'series-a', marker: 'circle' },
              { label: 'Diastolic', points: data.diastolic, className: 'series-b', marker: 'square' },
            ]}
          />
        ) : null}
        {data.hba1c.length ? (
          <TrendChart
            id="hba1c"
            title="HbA1c (%)"
            unit="%"
            yMin={4}
            yMax={a1cMax}
            {...range}
            threshold={{ value: HBA1C_POOR_CONTROL, label: '9 % poor control' }}
            series={[{ label: 'HbA1c', points: data.hba1c, className: 'series-a', marker: 'circle' }]}
          />
        ) : null}
        {data.encounters.length ? (
          <EncounterTimeline events={data.encounters} fromDay={data.timelineFrom} toDay={data.asOfDay} />
        ) : null}
      </div>
    </section>
  );
}
