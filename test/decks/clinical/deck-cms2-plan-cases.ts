/**
 * Clinical deck, issue 12 §1 in CMS2's positive-screen branch: the follow-up plan's timing rules
 * at −05:00 / +09:00. A referral counts when authored 2 days or less on or after the DAY of the
 * visit end (day precision: written dates); a follow-up procedure when its start is during the
 * visit period (no precision: instants, offsets converted); an antidepressant when its period
 * starts by the visit's last day (`overlaps after day of`). Judged by fqm-execution and by hand.
 */
import { CODES, Chart, SYS, group, type Code } from './deck-builders.ts';
import type { CodeGroup, ExpectedPatient } from './deck-cases.ts';

const LIB = 'CMS2FHIRPCSDepressionScreenAndFollowUp.cql';
const VISIT = { start: '2026-03-16T19:15:00-05:00', end: '2026-03-16T19:45:00-05:00' };
const REFERRAL: Code = [SYS.snomed, '183524004', 'Referral to psychiatry service (procedure)'];
const PSYCHOTHERAPY: Code = [SYS.snomed, '18512000', 'Individual psychotherapy (regime/therapy)'];
const SERTRALINE: Code = [SYS.rxnorm, '312940', 'sertraline 25 MG Oral Tablet'];

/** A positive adult screen at the visit (19:15–19:45 −05:00 on 16 March) and one follow-up. */
function positive(pid: string, followUp: (c: Chart) => void): Chart {
  const c = new Chart(pid, '1975-12-12');
  c.visit(VISIT.start, CODES.office, { end: VISIT.end });
  c.screening('2026-03-16T19:20:00-05:00', CODES.positive);
  followUp(c);
  return c;
}
const referral = (authoredOn: string) => (c: Chart) =>
  c.add({
    resourceType: 'ServiceRequest',
    id: c.id('referral'),
    status: 'active',
    intent: 'order',
    code: { coding: [{ system: REFERRAL[0], code: REFERRAL[1], display: REFERRAL[2] }] },
    subject: { reference: c.ref },
    authoredOn,
  } as fhir4.ServiceRequest & { id: string });
const therapy = (performed: string) => (c: Chart) => c.procedure(PSYCHOTHERAPY, performed);
const sertraline = (authoredOn: string) => (c: Chart) => c.medication(SERTRALINE, authoredOn);

const met = (numer: 0 | 1, boundary: string): ExpectedPatient => ({
  boundary,
  measures: { cms2: { IPP: 1, DENOM: 1, DENEX: 0, DENEXCEP: 0, NUMER: numer } },
  gaps: { cms2: numer ? 'closed' : 'open' },
});

/** The CMS2 follow-up-plan groups. */
export const CMS2_PLAN_GROUPS: readonly CodeGroup[] = [
  group(
    'c01-cms2-referral-two-days',
    '§1',
    {
      title: 'CMS2 positive screen: referral within 2 days after the visit day, at −05:00 and +09:00',
      rule: 'A referral counts when authored 2 days or less on or after the DAY of the visit end, days as written: 18 Mar 21:00 −05:00 (19 Mar in UTC) is day 2; 19 Mar 07:00 +09:00 (18 Mar in UTC) is day 3.',
      citation: `${LIB} define "Most Recent Adult Depression Screening Positive and Follow Up Provided" (FollowUpPositiveAdultScreen.authoredOn 2 days or less on or after day of end of QualifyingEncounter.period), "Follow Up Intervention for Positive Adult Depression Screening" (Referral for Adult Depression)`,
    },
    [
      positive('c01-referral-day2-minus05', referral('2026-03-18T21:00:00-05:00')),
      positive('c01-referral-day3-plus09', referral('2026-03-19T07:00:00+09:00')),
    ],
    {
      'c01-referral-day2-minus05': met(1, 'last day of the 2-day window (as written)'),
      'c01-referral-day3-plus09': met(0, 'day after the window (as written)'),
    },
  ),
  group(
    'c02-cms2-procedure-during-visit',
    '§1',
    {
      title: 'CMS2 positive screen: follow-up procedure during the visit compares instants',
      rule: 'A follow-up procedure counts when its start is during the visit period, compared as instants (no precision: offsets converted): 17 Mar 09:30 +09:00 is 16 Mar 19:30 −05:00, inside a 19:15–19:45 −05:00 visit; 16 Mar 19:50 −05:00 is after it, though on the same written day.',
      citation: `${LIB} define "Most Recent Adult Depression Screening Positive and Follow Up Provided" (start of FollowUpPositiveAdultScreen.performed.toInterval() during QualifyingEncounter.period); cql-execution converts offsets without a precision`,
    },
    [
      positive('c02-therapy-same-instant-plus09', therapy('2026-03-17T09:30:00+09:00')),
      positive('c02-therapy-after-visit-end', therapy('2026-03-16T19:50:00-05:00')),
    ],
    {
      'c02-therapy-same-instant-plus09': met(1, 'during the visit as an instant (next day as written)'),
      'c02-therapy-after-visit-end': met(0, 'five minutes after the visit ended'),
    },
  ),
  group(
    'c03-cms2-medication-by-visit-day',
    '§1',
    {
      title: 'CMS2 positive screen: antidepressant ordered by the visit day, as written',
      rule: 'An antidepressant order counts when its CMD period (from authoredOn) overlaps after day of the visit period, i.e. starts no later than the visit’s last day, days as written: 16 Mar 21:00 −05:00 is the visit day; 17 Mar 08:00 +09:00 (16 Mar in UTC) is the day after.',
      citation: `${LIB} define "Follow Up Intervention for Positive Adult Depression Screening" (AdultMed.medicationRequestPeriod().toInterval() overlaps after day of QualifyingEncounter.period); CumulativeMedicationDuration.cql "medicationRequestPeriod"; src/engine/README.md "CMS2 decisions"`,
    },
    [
      positive('c03-sertraline-visit-evening', sertraline('2026-03-16T21:00:00-05:00')),
      positive('c03-sertraline-next-day-plus09', sertraline('2026-03-17T08:00:00+09:00')),
    ],
    {
      'c03-sertraline-visit-evening': met(1, 'ordered on the visit day (next day in UTC)'),
      'c03-sertraline-next-day-plus09': met(0, 'ordered the day after (visit day in UTC)'),
    },
  ),
];
