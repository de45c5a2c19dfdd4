/**
 * suicide-risk from suicide attempts, intentional self-harm and personal history of suicidal
 * behaviour (issue 12 §4; ICD-10-CM tabular ch. 19 intent character, measures.md §5.1), with the
 * documented recency rule (src/engine/flags/suicidal-behaviour.ts): an attempt within 365 days
 * before asOf is current (high), an older one is history (moderate); nothing after asOf counts.
 */
import { describe, expect, it } from 'vitest';
import { condition, daysBefore, flag, flagsFor, SNOMED, AS_OF } from './flag-fixtures.ts';
import { ACT_CODE, ICD10CM } from '../../../src/engine/codes/code-systems.ts';
import { epochDay, isoDay } from '../../../src/engine/cql/calendar-days.ts';

const dayAfterAsOf = isoDay(epochDay(AS_OF) + 1);
const attempt = (
  onset: string,
  opts: {
    code?: string;
    display?: string;
    system?: string;
    clinicalStatus?: string | null;
    verificationStatus?: string;
  } = {},
) => condition(opts.code ?? 'T14.91XA', opts.display ?? 'Suicide attempt, initial encounter', { onset, ...opts });
const suicide = (resources: fhir4.Resource[]) => flag(flagsFor(resources), 'suicide-risk');

describe('suicide-risk from a suicide attempt (asOf 23 Nov 2026)', () => {
  it('flags a suicide attempt (T14.91XA) on the as-of day as high', () => {
    expect(suicide([attempt(AS_OF)])).toMatchObject({
      severity: 'high',
      statement: 'Suicide attempt, initial encounter (T14.91XA) on 23 Nov 2026.',
    });
  });

  it('does not count an attempt dated the day after asOf (not known yet)', () => {
    expect(suicide([attempt(dayAfterAsOf)])).toBeUndefined();
  });

  it('keeps an attempt 365 days ago current (high) and makes one 366 days ago history (moderate)', () => {
    expect(suicide([attempt(daysBefore(365))])?.severity).toBe('high');
    expect(suicide([attempt(daysBefore(366))])).toMatchObject({
      severity: 'moderate',
      statement:
        'History of suicidal behaviour (Suicide attempt, initial encounter (T14.91XA) on 22 Nov 2025 (12 months ago)).',
    });
  });

  it('still flags an attempt 8 years ago, as history of suicidal behaviour (moderate)', () => {
    const f = suicide([attempt('2018-03-03')]);
    expect(f?.severity).toBe('moderate');
    expect(f?.statement).toContain('on 3 Mar 2018 (8 years ago)');
    expect(f?.evidence[0]?.rule).toBe('suicidal-behaviour-history');
  });

  it('counts a resolved attempt of last month (an attempt stays an attempt) but not a refuted one', () => {
    expect(suicide([attempt(daysBefore(30), { clinicalStatus: 'resolved' })])?.severity).toBe('high');
    expect(suicide([attempt(daysBefore(30), { verificationStatus: 'refuted' })])).toBeUndefined();
  });

  it('treats an undated active attempt as current and an undated resolved one as history', () => {
    const undated = (status: string) => {
      const c = attempt(AS_OF, { clinicalStatus: status });
      delete c.onsetDateTime;
      return c;
    };
    expect(suicide([undated('active')])).toMatchObject({
      severity: 'high',
      statement: 'Suicide attempt, initial encounter (T14.91XA) (date not recorded).',
    });
    expect(suicide([undated('resolved')])?.severity).toBe('moderate');
  });

  it('ignores an attempt recorded after asOf even when its onset lies before', () => {
    const c = attempt(daysBefore(10));
    c.recordedDate = dayAfterAsOf;
    expect(suicide([c])).toBeUndefined();
  });

  it.each([
    [
      'T42.72XA',
      'Poisoning by unspecified antiepileptic and sedative-hypnotic drugs, intentional self-harm, initial encounter',
      true,
    ],
    ['T43.92XA', 'Poisoning by unspecified psychotropic drug, intentional self-harm, initial encounter', true],
    [
      'T43.222A',
      'Poisoning by selective serotonin reuptake inhibitors, intentional self-harm, initial encounter',
      true,
    ],
    ['T71.162A', 'Asphyxiation due to hanging, intentional self-harm, initial encounter', true],
    [
      'T58.02XA',
      'Toxic effect of carbon monoxide from motor vehicle exhaust, intentional self-harm, initial encounter',
      true,
    ],
    ['X78.9XXA', 'Intentional self-harm by unspecified sharp object, initial encounter', true],
    [
      'T42.71XA',
      'Poisoning by unspecified antiepileptic and sedative-hypnotic drugs, accidental (unintentional), initial encounter',
      false,
    ],
    ['T43.225A', 'Adverse effect of selective serotonin reuptake inhibitors, initial encounter', false],
    ['T43.22', 'Selective serotonin reuptake inhibitors (subcategory, no intent)', false],
  ] as const)('reads the intent character of %s (%s): intentional self-harm = %s', (code, display, flagged) => {
    expect(suicide([attempt(daysBefore(20), { code, display })]) !== undefined).toBe(flagged);
  });

  it.each([
    ['82313006', 'Suicide attempt'],
    ['86849004', 'Suicidal poisoning'],
    ['287185009', 'Attempted suicide by cutting or stabbing'],
    ['271982007', 'Intentional self poisoning'],
  ])('reads SNOMED %s (%s) as a suicide attempt', (code, display) => {
    expect(suicide([attempt(daysBefore(20), { code, display, system: SNOMED })])?.severity).toBe('high');
  });

  it('names one attempt once when both the Condition and the ED visit carry it, keeping both as evidence', () => {
    const ed: fhir4.Encounter = {
      resourceType: 'Encounter',
      id: 'ed-attempt',
      status: 'finished',
      class: { system: ACT_CODE, code: 'EMER' },
      period: { start: `${daysBefore(3)}T22:10:00-05:00`, end: `${daysBefore(2)}T02:00:00-05:00` },
      reasonCode: [{ coding: [{ system: ICD10CM, code: 'T14.91XA', display: 'Suicide attempt, initial encounter' }] }],
    };
    const f = suicide([attempt(daysBefore(3)), ed]);
    // the visit began at 22:10 −05:00 on 20 Nov as written (21 Nov in UTC): a day is read as
    // written (cql/calendar-days.ts), so the visit and the Condition are on the same day
    expect(f?.statement).toBe('Suicide attempt, initial encounter (T14.91XA) on 20 Nov 2026.');
    expect(f?.evidence.map((e) => e.reference)).toEqual(
      expect.arrayContaining(['Encounter/ed-attempt', expect.stringMatching(/^Condition\//)]),
    );
    expect(f?.evidence).toHaveLength(2);
  });

  it('does not count an ED visit for self-harm that was cancelled', () => {
    const ed: fhir4.Encounter = {
      resourceType: 'Encounter',
      id: 'ed-cancelled',
      status: 'cancelled',
      class: { system: ACT_CODE, code: 'EMER' },
      period: { start: daysBefore(3) },
      reasonCode: [{ coding: [{ system: ICD10CM, code: 'T14.91XA' }] }],
    };
    expect(suicide([ed])).toBeUndefined();
  });
});

describe('suicide-risk from a personal history of suicidal behaviour', () => {
  it('flags Z91.51 on the problem list as history (moderate)', () => {
    expect(
      suicide([condition('Z91.51', 'Personal history of suicidal behavior', { onset: '2021-06-01' })]),
    ).toMatchObject({
      severity: 'moderate',
      statement: 'History of suicidal behaviour (Personal history of suicidal behavior (Z91.51) on the problem list).',
    });
  });

  it('reads the pre-2022 code Z91.5 as history, but not Z91.52 (non-suicidal self-harm)', () => {
    expect(suicide([condition('Z91.5', 'Personal history of self-harm')])?.severity).toBe('moderate');
    expect(suicide([condition('Z91.52', 'Personal history of nonsuicidal self-harm')])).toBeUndefined();
  });

  it('stays high when history and current evidence coexist, naming both', () => {
    const f = suicide([
      condition('Z91.51', 'Personal history of suicidal behavior'),
      condition('R45.851', 'Suicidal ideations', { onset: daysBefore(5) }),
    ]);
    expect(f?.severity).toBe('high');
    expect(f?.statement).toBe(
      'Suicidal ideations on the problem list (18 Nov 2026); also history of suicidal behaviour (Personal history of suicidal behavior (Z91.51) on the problem list).',
    );
  });
});
