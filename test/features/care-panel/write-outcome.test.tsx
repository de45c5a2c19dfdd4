// @vitest-environment jsdom
/**
 * After a write: the confirmation names the visit and the date the results attach to, and then
 * says what became of the gap the form came from — closed, closing once the visit is closed, or
 * still open and exactly why.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateAtVisit, recordFromResources } from '../../../src/engine/index.ts';
import { plainWith } from '../../../src/features/care-panel/plain-language-context.ts';
import { writeOutcome } from '../../../src/features/care-panel/write-outcome.ts';
import { attachmentText, ConfirmWrite } from '../../../src/features/screening-forms/confirm-write.tsx';
import type { WriteBack } from '../../../src/features/screening-forms/use-write-back.ts';

afterEach(cleanup);

const TODAY = '2026-12-03';
const OPTIONS = { period: { start: '2026-01-01', end: '2026-12-31' }, asOf: TODAY };
const marcus: fhir4.Patient = { resourceType: 'Patient', id: 'marcus', birthDate: '1982-10-27', gender: 'male' };
const office = {
  system: 'http://www.ama-assn.org/go/cpt',
  code: '99213',
  display: 'Office visit, established patient',
};
const visit = (status: fhir4.Encounter['status']): fhir4.Encounter => ({
  resourceType: 'Encounter',
  id: 'today',
  status,
  class: { code: 'AMB' },
  type: [{ coding: [office] }],
  subject: { reference: 'Patient/marcus' },
  period: { start: `${TODAY}T09:00:00-05:00`, ...(status === 'finished' ? { end: `${TODAY}T09:30:00-05:00` } : {}) },
});
const screen_ = (result: 'positive' | 'negative'): fhir4.Observation => ({
  resourceType: 'Observation',
  id: 's',
  status: 'final',
  subject: { reference: 'Patient/marcus' },
  encounter: { reference: 'Encounter/today' },
  code: { coding: [{ system: 'http://loinc.org', code: '73832-8' }] },
  effectiveDateTime: `${TODAY}T09:20:00-05:00`,
  valueCodeableConcept: {
    coding: [{ system: 'http://snomed.info/sct', code: result === 'positive' ? '428181000124104' : '428171000124102' }],
  },
});
const outcome = (resources: fhir4.Resource[], encounterId: string | null = 'today') =>
  writeOutcome(
    'cms2',
    evaluateAtVisit(recordFromResources([marcus, ...resources]), OPTIONS, encounterId ?? undefined),
    plainWith(),
    2026,
  );

describe('what became of the gap', () => {
  it('a negative screen at today’s open visit: closes once the visit is closed', () => {
    expect(outcome([visit('in-progress'), screen_('negative')])).toEqual({
      gapId: 'cms2',
      closed: true,
      text: 'Screening for Depression and Follow-Up Plan (CMS2) closes once today’s visit is closed.',
    });
  });
  it('the same screen at a finished visit: closed', () => {
    expect(outcome([visit('finished'), screen_('negative')]).text).toBe(
      'Screening for Depression and Follow-Up Plan (CMS2) is closed.',
    );
  });
  it('a positive screen: still open, and what is missing — the follow-up plan', () => {
    const o = outcome([visit('in-progress'), screen_('positive')]);
    expect(o.closed).toBe(false);
    expect(o.text).toMatch(
      /^Screening for Depression and Follow-Up Plan \(CMS2\) is still open: Document a follow-up plan for the positive screen of 3 Dec 2026/,
    );
  });
  it('a launch without a visit: says the results are not attached to one, so cannot count', () => {
    const o = outcome(
      [
        visit('finished'),
        { ...screen_('negative'), effectiveDateTime: '2026-12-20T09:00:00-05:00' } as fhir4.Observation,
      ],
      null,
    );
    expect(o.closed).toBe(false);
    expect(o.text).toContain(
      'The EHR launched the panel without a visit, so the results are not attached to one and cannot count toward a visit this year.',
    );
  });
  it('a cancelled visit in context: says the visit cannot count', () => {
    expect(outcome([visit('cancelled'), screen_('negative')]).text).toMatch(
      /does not apply: No qualifying visit in 2026 yet\..*is cancelled, so it cannot count\./,
    );
  });
});

describe('the confirmation names the visit and the date', () => {
  it('today’s open visit, with its type and day, and the time the results carry', () => {
    expect(
      attachmentText(
        {
          encounter: 'Encounter/today',
          visit: { reference: 'Encounter/today', type: 'Office visit', date: TODAY, open: true },
          recordedAt: `${TODAY}T14:05:09-05:00`,
        },
        TODAY,
      ),
    ).toBe('Attached to today’s visit (Office visit, 3 Dec 2026, in progress) · dated 3 Dec 2026, 14:05');
  });
  it('an earlier visit, and no visit at all', () => {
    expect(
      attachmentText(
        {
          encounter: 'Encounter/v',
          visit: { reference: 'Encounter/v', date: '2026-11-19', open: false },
          recordedAt: `${TODAY}T14:05:09-05:00`,
        },
        TODAY,
      ),
    ).toBe('Attached to the visit of 19 Nov 2026 (19 Nov 2026) · dated 3 Dec 2026, 14:05');
    expect(attachmentText({ recordedAt: `${TODAY}T14:05:09-05:00` }, TODAY)).toBe(
      'Not attached to a visit: the EHR launched the panel without one · dated 3 Dec 2026, 14:05',
    );
  });
  it('shows "checking" until the refreshed record is evaluated, then the outcome', () => {
    const write = {
      phase: 'saved',
      batch: { label: 'PHQ-2 screening', creates: [], attachedTo: { recordedAt: `${TODAY}T14:05:09-05:00` } },
    } as unknown as WriteBack;
    const { rerender } = render(<ConfirmWrite write={write} outcome="checking" />);
    expect(screen.getByTestId('write-saved').textContent).toContain('Checking the gap against the refreshed record');
    rerender(
      <ConfirmWrite
        write={write}
        outcome={{ gapId: 'cms2', closed: true, text: 'X closes once today’s visit is closed.' }}
      />,
    );
    expect(screen.getByTestId('write-outcome').textContent).toBe('✓ X closes once today’s visit is closed.');
  });
});
