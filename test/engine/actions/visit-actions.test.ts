/**
 * "Do this visit" through the whole engine (evaluatePatient) on real-shaped records: the actions a
 * clinician sees must not contradict the record (issue 12 §4, issue 13 §2).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluatePatient } from '../../../src/engine/index.ts';
import { recordFromResources } from '../../../src/engine/record.ts';
import { ACT_CODE, CPT, ICD10CM, LOINC } from '../../../src/engine/codes/code-systems.ts';
import { epochDay, isoDay } from '../../../src/engine/cql/calendar-days.ts';

const PERIOD = { start: '2026-01-01', end: '2026-12-31' };
const AS_OF = '2026-11-23';
const day = (offset: number) => isoDay(epochDay(AS_OF) + offset);
const DECK = resolve(dirname(fileURLToPath(import.meta.url)), '../../decks/sdoh');

const maria: fhir4.Patient = {
  resourceType: 'Patient',
  id: 'maria-va',
  name: [{ given: ['Maria'], family: 'Okonkwo' }],
  birthDate: '1979-08-12',
  gender: 'female',
};

function officeVisit(date: string, id: string): fhir4.Encounter {
  return {
    resourceType: 'Encounter',
    id,
    status: 'finished',
    class: { system: ACT_CODE, code: 'AMB' },
    subject: { reference: 'Patient/maria-va' },
    type: [
      { coding: [{ system: CPT, code: '99214', display: 'Office or other outpatient visit, established patient' }] },
    ],
    period: { start: `${date}T10:00:00-05:00`, end: `${date}T10:30:00-05:00` },
  };
}

function phq9Total(date: string, score: number, id: string): fhir4.Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    subject: { reference: 'Patient/maria-va' },
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }] }],
    code: {
      coding: [
        {
          system: LOINC,
          code: '44261-6',
          display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]',
        },
      ],
    },
    effectiveDateTime: `${date}T10:05:00-05:00`,
    valueInteger: score,
  };
}

const depression: fhir4.Condition = {
  resourceType: 'Condition',
  id: 'mdd',
  subject: { reference: 'Patient/maria-va' },
  onsetDateTime: '2025-02-01',
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
  code: { coding: [{ system: ICD10CM, code: 'F33.1', display: 'Major depressive disorder, recurrent, moderate' }] },
};

const evaluate = (resources: fhir4.Resource[], asOf = AS_OF) =>
  evaluatePatient(recordFromResources(resources), { period: PERIOD, asOf });

describe('"Do this visit" on whole records (asOf 23 Nov 2026)', () => {
  it('five days after a PHQ-9 of 22 it never says "PHQ-9 due"; severe depression without a plan comes first', () => {
    const ev = evaluate([maria, depression, officeVisit(day(-5), 'visit'), phq9Total(day(-5), 22, 'phq9-22')]);
    const texts = ev.actions.map((a) => a.text);
    expect(texts.some((t) => /PHQ-9 due/.test(t))).toBe(false);
    expect(ev.actions[0]).toMatchObject({
      kind: 'safety',
      form: 'follow-up',
      text: expect.stringContaining('Severe depression without a documented plan'),
    });
    expect(texts).toContain('Code the PHQ-9 22 on 18 Nov 2026 (positive) as the depression screening result');
    // each need once
    expect(new Set(ev.actions.map((a) => a.text)).size).toBe(ev.actions.length);
  });

  it('asks for one PHQ-9 (monitoring) when the last one, 5 months old, only needs coding for CMS2', () => {
    const ev = evaluate([maria, depression, officeVisit(day(-150), 'visit'), phq9Total(day(-150), 8, 'phq9-8')]);
    expect(ev.actions.filter((a) => /PHQ-9 due/.test(a.text)).map((a) => a.text)).toEqual([
      'PHQ-9 due (depression monitoring)',
    ]);
    // the June PHQ-9 preceded a qualifying visit: coding it closes CMS2, so CMS2 asks for no new PHQ-9
    expect(ev.actions.find((a) => a.gaps?.includes('cms2'))?.text).toBe(
      'Code the PHQ-9 8 on 26 Jun 2026 (negative) as the depression screening result',
    );
  });

  it('a patient screened in four SDOH domains is asked to screen for interpersonal safety, not told SDOH was not done', () => {
    const dir = join(DECK, 'four-of-five-no-safety');
    const resources = readdirSync(dir)
      .filter((f) => /^[A-Z].*\.json$/.test(f))
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as fhir4.Resource);
    const ev = evaluate(resources);
    const sdoh = ev.actions.find((a) => a.gaps?.includes('sdoh-screening'));
    expect(sdoh).toMatchObject({
      text: 'Screen for interpersonal safety (4 of 5 SDOH domains screened this year)',
      form: 'hrsn',
    });
    expect(ev.actions.some((a) => /not done this year/i.test(a.text))).toBe(false);
  });

  it('puts a suicide attempt of last week first, with a same-day safety plan', () => {
    const attempt: fhir4.Condition = {
      ...depression,
      id: 'attempt',
      onsetDateTime: day(-7),
      code: {
        coding: [
          {
            system: ICD10CM,
            code: 'T43.222A',
            display: 'Poisoning by selective serotonin reuptake inhibitors, intentional self-harm, initial encounter',
          },
        ],
      },
    };
    const ev = evaluate([maria, depression, attempt, officeVisit(day(-150), 'visit')]);
    expect(ev.flags[0]).toMatchObject({ id: 'suicide-risk', severity: 'high' });
    expect(ev.actions[0]).toMatchObject({
      rank: 1,
      source: 'suicide-risk',
      kind: 'safety',
      text: 'Same-day safety assessment (C-SSRS) and safety plan',
    });
  });

  it('lists a missed post-discharge window apart from the actions', () => {
    const stay: fhir4.Encounter = {
      resourceType: 'Encounter',
      id: 'psych-stay',
      status: 'finished',
      class: { system: ACT_CODE, code: 'IMP' },
      subject: { reference: 'Patient/maria-va' },
      period: { start: `${day(-16)}T18:00:00Z`, end: `${day(-10)}T15:00:00Z` },
      reasonCode: [
        {
          coding: [
            {
              system: ICD10CM,
              code: 'F33.2',
              display: 'Major depressive disorder, recurrent severe without psychotic features',
            },
          ],
        },
      ],
    };
    const ev = evaluate([maria, depression, stay]);
    expect(ev.missed?.map((m) => m.source)).toContain('fuh-7');
    expect(ev.missed?.every((m) => m.kind === 'missed' && /can no longer be met/.test(m.text))).toBe(true);
    expect(ev.actions.some((a) => a.gaps?.includes('fuh-7'))).toBe(false);
  });
});

describe('a deceased patient (issue 12 §4)', () => {
  const withDeath = (p: Partial<fhir4.Patient>) => ({ ...maria, ...p });
  const record = (p: fhir4.Patient) => [
    p,
    depression,
    officeVisit(day(-150), 'visit'),
    phq9Total(day(-150), 8, 'phq9-8'),
  ];

  it('gets no actions, no missed windows and no open gap when death is recorded on asOf', () => {
    const ev = evaluate(record(withDeath({ deceasedDateTime: AS_OF })));
    expect(ev.actions).toEqual([]);
    expect(ev.missed).toEqual([]);
    expect(ev.deceased).toMatchObject({ date: AS_OF, statement: 'The patient died on 23 Nov 2026.' });
    expect(ev.gaps.filter((g) => g.status === 'open' || g.status === 'unknown')).toEqual([]);
    expect(ev.gaps.find((g) => g.id === 'phq9-monitoring')).toMatchObject({
      status: 'not-applicable',
      why: 'The patient died on 23 Nov 2026. No care gap applies.',
    });
  });

  it('is still alive on asOf when death is recorded for the day after', () => {
    const ev = evaluate(record(withDeath({ deceasedDateTime: `${day(1)}T08:00:00-05:00` })));
    expect(ev.deceased).toBeUndefined();
    expect(ev.actions.length).toBeGreaterThan(0);
  });

  it('reads deceasedBoolean true without a date', () => {
    const ev = evaluate(record(withDeath({ deceasedBoolean: true })));
    expect(ev.deceased?.statement).toBe('The patient has died (date of death not recorded).');
    expect(ev.actions).toEqual([]);
  });

  it('treats an unreadable date of death as deceased and reports the field', () => {
    const ev = evaluate(record(withDeath({ deceasedDateTime: 'last spring' })));
    expect(ev.deceased?.statement).toBe('The patient has died (date of death unreadable).');
    expect(ev.issues).toContainEqual(expect.objectContaining({ resourceType: 'Patient', field: 'deceasedDateTime' }));
  });

  it('reads a death recorded only to the year as on or before asOf within that year', () => {
    expect(evaluate(record(withDeath({ deceasedDateTime: '2026' }))).deceased).toBeDefined();
    expect(evaluate(record(withDeath({ deceasedDateTime: '2027' }))).deceased).toBeUndefined();
  });

  it('keeps measures and closed gaps as the record of care given', () => {
    const alive = evaluate(record(maria));
    const dead = evaluate(record(withDeath({ deceasedDateTime: day(-1) })));
    expect(dead.measures).toEqual(alive.measures);
    expect(dead.gaps.filter((g) => g.status === 'closed')).toEqual(alive.gaps.filter((g) => g.status === 'closed'));
  });
});
