/**
 * Where a patient went at discharge, read from `Encounter.hospitalization.dischargeDisposition` in
 * the two code systems US EHRs send:
 * - HL7 http://terminology.hl7.org/CodeSystem/discharge-disposition (THO): home, alt-home
 *   ("going to return home … not the patient's home, e.g. a family member's home"), other-hcf,
 *   hosp ("discharged into palliative care"), long, aadvice (left against advice), exp (expired),
 *   psy (psychiatric hospital), rehab, snf, oth;
 * - NUBC UB-04 FL17 patient discharge status (https://www.nubc.org/CodeSystem/PatDischargeStatus):
 *   01 home/self-care, 02 short-term hospital, 03 SNF, 04 custodial/supportive care, 05 cancer or
 *   children's hospital, 06 home health, 07 left against medical advice, 20/40/41/42 expired,
 *   21 court/law enforcement, 30 still a patient, 43 federal hospital, 50/51 hospice (home /
 *   medical facility), 61 swing bed, 62 inpatient rehabilitation, 63 long-term care hospital,
 *   64 Medicaid nursing facility, 65 psychiatric hospital, 66 critical access hospital, 69 disaster
 *   site, 70 other institution; 81–95 are the same destinations with a planned readmission;
 * - SNOMED "Discharge to home / to healthcare facility for hospice care" (the eCQM Hospice library).
 * CMS TCM counts only discharges to a community setting — home, domiciliary, rest home, assisted
 * living (MLN908628; measures.md §5.1); NUBC 01 covers those. Anything we cannot place (absent,
 * left against advice, "other", an unknown code) is `unknown`, never guessed.
 */
import { SNOMED, normalizeSystem } from '../codes/code-systems.ts';
import { codingsOf } from '../fhir/codings.ts';

/** HL7 discharge-disposition code system. */
export const DISCHARGE_DISPOSITION = 'http://terminology.hl7.org/CodeSystem/discharge-disposition';
/** NUBC UB-04 FL17 patient discharge status code system. */
export const NUBC_DISCHARGE_STATUS = 'https://www.nubc.org/CodeSystem/PatDischargeStatus';

/** The kind of place a patient was discharged to. */
export type DischargeDestination =
  /** Home, another home, domiciliary, rest home, assisted living (with or without home health). */
  | 'community'
  | 'expired'
  | 'hospice'
  /** Skilled nursing, custodial / nursing facility, rehabilitation, long-term care, swing bed. */
  | 'nonacute-facility'
  /** Another acute hospital, a psychiatric hospital, a critical access or federal hospital. */
  | 'acute-facility'
  /** Another facility of a kind the code does not say (HL7 other-hcf, NUBC 21, 69, 70). */
  | 'other-facility'
  /** Coded, but the code does not say where the patient went (left against advice, other, unknown code). */
  | 'unknown'
  /** No discharge disposition recorded. */
  | 'not-recorded';

const HL7: Readonly<Record<string, DischargeDestination>> = {
  home: 'community',
  'alt-home': 'community',
  exp: 'expired',
  hosp: 'hospice',
  snf: 'nonacute-facility',
  long: 'nonacute-facility',
  rehab: 'nonacute-facility',
  psy: 'acute-facility',
  'other-hcf': 'other-facility',
  aadvice: 'unknown',
  oth: 'unknown',
};

const NUBC_BY_DESTINATION: Readonly<
  Record<Exclude<DischargeDestination, 'unknown' | 'not-recorded'>, readonly string[]>
> = {
  community: ['01', '06', '81', '86'],
  expired: ['20', '40', '41', '42'],
  hospice: ['50', '51'],
  'nonacute-facility': ['03', '04', '61', '62', '63', '64', '83', '84', '89', '90', '91', '92'],
  'acute-facility': ['02', '05', '09', '43', '65', '66', '82', '85', '88', '93', '94'],
  'other-facility': ['21', '69', '70', '87', '95'],
};

const NUBC = new Map<string, DischargeDestination>(
  Object.entries(NUBC_BY_DESTINATION).flatMap(([dest, codes]) =>
    codes.map((c) => [c, dest as DischargeDestination] as const),
  ),
);

/** SNOMED discharge-to-hospice codes (Hospice.cql "Discharge to home for hospice care", "… to healthcare facility …"). */
const SNOMED_HOSPICE = ['428361000124107', '428371000124100'];

function destinationOf(coding: fhir4.Coding): DischargeDestination | undefined {
  if (typeof coding.code !== 'string' || typeof coding.system !== 'string') {
    return undefined;
  }
  const system = normalizeSystem(coding.system);
  const code = coding.code.trim();
  if (system === DISCHARGE_DISPOSITION) {
    return HL7[code];
  }
  if (system === NUBC_DISCHARGE_STATUS) {
    return NUBC.get(code.padStart(2, '0'));
  }
  if (system === SNOMED && SNOMED_HOSPICE.includes(code)) {
    return 'hospice';
  }
  return undefined;
}

/** Where the encounter's patient was discharged to (the first coding we can place wins). */
export function dischargeDestination(enc: fhir4.Encounter): DischargeDestination {
  const disposition = enc.hospitalization?.dischargeDisposition;
  const codings = codingsOf(disposition);
  if (!codings.length) {
    return disposition?.text ? 'unknown' : 'not-recorded';
  }
  for (const c of codings) {
    const d = destinationOf(c);
    if (d) {
      return d;
    }
  }
  return 'unknown';
}

/** Plain-language destination for `why` texts. */
export const DESTINATION_LABEL: Readonly<Record<DischargeDestination, string>> = {
  community: 'home or another community setting',
  expired: 'expired (died during the stay)',
  hospice: 'hospice care',
  'nonacute-facility': 'a skilled-nursing, rehabilitation or other nonacute facility',
  'acute-facility': 'another acute or psychiatric hospital',
  'other-facility': 'another healthcare facility',
  unknown: 'a destination the record does not make clear',
  'not-recorded': 'no recorded destination',
};
