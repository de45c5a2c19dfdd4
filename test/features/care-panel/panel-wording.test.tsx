// @vitest-environment jsdom
/**
 * What a clinician reads, for every named sandbox patient and the first generated ones, each seen
 * during today's in-progress visit (as the sandbox EHR launches them): no system URLs or
 * `system|code` pairs, no quality-staff words (numerator, denominator, population), one date format
 * ("3 Dec 2026", year always written), and never a bare "No open care gaps" when measures are not
 * counted yet.
 */
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { generatePanel } from '../../../launch/sandbox/data/generate-panel.ts';
import { todaysVisitResource } from '../../../launch/sandbox/ehr/todays-visit.ts';
import { recordFromResources } from '../../../src/engine/index.ts';
import { PanelView } from '../../../src/features/care-panel/panel-view.tsx';
import { timedVisitEvaluation } from '../../../src/features/care-panel/timed-visit-evaluation.ts';

afterEach(cleanup);

const TODAY = '2026-12-03';
const NOW = Date.parse(`${TODAY}T14:05:00Z`);
const OPTIONS = { period: { start: '2026-01-01', end: '2026-12-31' }, asOf: TODAY };
const patients = [...generatePanel({ seed: 42, count: 30, anchorDate: TODAY })];

/** The panel's text for a patient, seen during today's visit (or without one). */
function panelText(id: string, withVisit = true): string {
  const p = patients.find((x) => x.id === id)!;
  const visit = todaysVisitResource(id, 'dr-rivera', NOW);
  const record = recordFromResources(withVisit ? [...p.resources, visit] : p.resources);
  const { atVisit, displays } = timedVisitEvaluation(record, OPTIONS, withVisit ? visit.id : undefined);
  const { container } = render(
    <PanelView
      evaluation={atVisit.evaluation}
      resources={record.resources}
      canWrite
      thisYear={2026}
      visit={{ visit: atVisit.visit, measures: atVisit.measures, gaps: atVisit.gaps, asOf: TODAY }}
      displays={displays}
      onOpenForm={() => undefined}
    />,
  );
  const text = container.textContent ?? '';
  cleanup();
  return text;
}

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';

describe.each(patients.map((p) => [p.id]))('the panel for %s', (id) => {
  const text = panelText(id);
  it('shows no system URL and no system|code pair', () => {
    expect(text).not.toMatch(/https?:|urn:(oid|uuid)/i);
    expect(text).not.toMatch(/[\w/]\|[\w.]/);
  });
  it('uses no quality-staff words', () => {
    expect(text).not.toMatch(/numerator|denominator|population/i);
  });
  it('writes every date one way: day, month, year', () => {
    expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(text).not.toMatch(new RegExp(`\\b\\d{1,2} ${MONTH}\\b(?! \\d{4})`));
  });
});

describe('codes a clinician must not have to decode', () => {
  it('names the suicidal ideation the ED coded without a display (ICD-10-CM R45.851)', () => {
    const text = panelText('bh-complex');
    expect(text).toMatch(/suicidal ideation/i);
    expect(text).not.toContain('R45.851');
  });
});

describe('"not in population", explained', () => {
  it('Walter Brennan (diabetes, hypertension, home BPs over 140, no visit this year): today’s visit opens the BP gap, and says so', () => {
    const text = panelText('heavy');
    expect(text).toContain('New with today’s visit: no qualifying visit in 2026 before it.');
    expect(text).toMatch(/Controlling High Blood Pressure.*not below 140\/90/);
  });
  it('without a visit in context, "No open care gaps" comes with the measures not counted yet and why', () => {
    const text = panelText('heavy', false);
    expect(text).toContain('No open care gaps.');
    expect(text).toContain('Not counted yet in 2026');
    expect(text).toContain('Screening for Depression and Follow-Up Plan (CMS2) — No qualifying visit in 2026 yet.');
    expect(text).toMatch(
      /Controlling High Blood Pressure — For patients aged 18–85 with hypertension diagnosed by 30 June of the year, with a qualifying visit in 2026\./,
    );
  });
});
