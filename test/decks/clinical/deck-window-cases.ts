/**
 * Clinical deck, issue 12 §1: the look-back windows of CMS125 (mammography since 1 October two
 * years before the period) and CMS130 (colonoscopy in the period or the 9 years before, FOBT in the
 * period) at their first and last day, with values at −05:00 and +09:00 and date-only. The window
 * bounds are CQL DateTimes in the declared offset (UTC); `ends during day of` compares at day
 * precision, so each value's written date decides. Judged by fqm-execution and by hand.
 */
import { Chart, SYS, group, type Code } from './deck-builders.ts';
import type { CodeGroup, ExpectedPopulations } from './deck-cases.ts';

const ACO_VISIT = '2026-05-05T09:00:00-04:00';
const US_CORE_SEX = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-sex';
const MAMMOGRAM: Code = [SYS.loinc, '24606-6', 'MG Breast Screening'];
const COLONOSCOPY: Code = [SYS.snomed, '73761001', 'Colonoscopy (procedure)'];
const FIT: Code = [SYS.loinc, '29771-3', 'Hemoglobin.gastrointestinal.lower [Presence] in Stool by Immunoassay'];
const POSITIVE: Code = [SYS.snomed, '10828004', 'Positive (qualifier value)'];
const DAY_PRECISION =
  'cql-execution Interval.includes / DateTime.sameOrAfter at day precision compare the fields as written';

const pops = (ipp: 0 | 1, numer: 0 | 1): ExpectedPopulations => ({ IPP: ipp, DENOM: ipp, DENEX: 0, NUMER: numer });

/** A 56-year-old woman (US Core sex female unless `withSex` is false) with an office visit and a mammogram. */
function woman(pid: string, mammogram: string, withSex = true): Chart {
  const c = new Chart(
    pid,
    '1970-03-03',
    withSex ? { extension: [{ url: US_CORE_SEX, valueCode: '248152002' } as fhir4.Extension] } : {},
  );
  c.visit(ACO_VISIT);
  c.observation(MAMMOGRAM, mammogram, undefined, {
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'imaging' }] }],
  });
  return c;
}

/** A 61-year-old with an office visit and a colonoscopy or a FIT. */
function screenedColon(pid: string, kind: 'colonoscopy' | 'fit', when: string): Chart {
  const c = new Chart(pid, '1965-07-07');
  c.visit(ACO_VISIT);
  if (kind === 'colonoscopy') {
    c.procedure(COLONOSCOPY, when);
  } else {
    c.observation(FIT, when, POSITIVE, {
      category: [
        { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] },
      ],
    });
  }
  return c;
}

/** CMS125 and CMS130 window groups. */
export const WINDOW_GROUPS: readonly CodeGroup[] = [
  group(
    'w01-cms125-mammography-window-start',
    '§1',
    {
      title: 'CMS125 mammography window start (1 October two years before the period) at +09:00, −05:00 and date-only',
      rule: 'A mammogram counts when it ends during day of [1 Oct 2024, end of the period]: 1 Oct 08:00 +09:00 (30 Sep in UTC) is on the first day as written; 30 Sep 20:00 −05:00 (1 Oct in UTC) is the day before; a date-only 1 Oct is in. The population needs the US Core sex extension = female (248152002): `gender` alone is not read.',
      citation: `CMS125FHIRBreastCancerScreening.cql define "Numerator" (Mammogram.effective.toInterval() ends during day of Interval["October 1 Two Years Prior to the Measurement Period", end of "Measurement Period"]), "Initial Population" (Patient.sex = '248152002'); ${DAY_PRECISION}`,
    },
    [
      woman('w01-oct1-plus09', '2024-10-01T08:00:00+09:00'),
      woman('w01-sep30-minus05', '2024-09-30T20:00:00-05:00'),
      woman('w01-oct1-date-only', '2024-10-01'),
      woman('w01-no-us-core-sex', '2025-11-11T10:00:00-05:00', false),
    ],
    {
      'w01-oct1-plus09': { boundary: 'first day of the window (as written)', measures: { cms125: pops(1, 1) } },
      'w01-sep30-minus05': { boundary: 'day before the window (as written)', measures: { cms125: pops(1, 0) } },
      'w01-oct1-date-only': { boundary: 'first day, date only', measures: { cms125: pops(1, 1) } },
      'w01-no-us-core-sex': {
        boundary: 'gender female but no US Core sex extension',
        measures: { cms125: pops(0, 0) },
        gaps: { cms125: 'not-applicable' },
      },
    },
  ),
  group(
    'w02-cms130-screening-windows',
    '§1',
    {
      title: 'CMS130 colonoscopy window start (9 years before the period) and FIT on the period edges',
      rule: 'A colonoscopy counts when it ends during day of [start of the period − 9 years, end of the period] (from 1 Jan 2017); a FIT with a result counts when its latest time is during day of the period. Written dates decide: 1 Jan 2017 07:00 +09:00 is in, 31 Dec 2016 20:00 −05:00 is out; a FIT on 31 Dec 2026 21:00 −05:00 is in, one on 1 Jan 2027 06:00 +09:00 is out.',
      citation: `CMS130FHIRColorectalCancerScreening.cql define "Colonoscopy Performed" (performed.toInterval() ends during day of Interval[start of "Measurement Period" - 9 years, end of "Measurement Period"]), "Fecal Occult Blood Test Performed" (value is not null and effective.latest() during day of "Measurement Period"); ${DAY_PRECISION}`,
    },
    [
      screenedColon('w02-colonoscopy-jan1-2017', 'colonoscopy', '2017-01-01T07:00:00+09:00'),
      screenedColon('w02-colonoscopy-dec31-2016', 'colonoscopy', '2016-12-31T20:00:00-05:00'),
      screenedColon('w02-fit-dec31-evening', 'fit', '2026-12-31T21:00:00-05:00'),
      screenedColon('w02-fit-jan1-2027', 'fit', '2027-01-01T06:00:00+09:00'),
    ],
    {
      'w02-colonoscopy-jan1-2017': { boundary: 'first day of the 10-year window', measures: { cms130: pops(1, 1) } },
      'w02-colonoscopy-dec31-2016': { boundary: 'day before the window', measures: { cms130: pops(1, 0) } },
      'w02-fit-dec31-evening': {
        boundary: 'last day of the period',
        measures: { cms130: pops(1, 1) },
        gaps: { cms130: 'closed' },
      },
      'w02-fit-jan1-2027': {
        boundary: 'day after the period',
        measures: { cms130: pops(1, 0) },
        gaps: { cms130: 'open' },
      },
    },
  ),
];
