/** Hospice Care Ambulatory (VSAC 2.16.840.1.113883.3.526.3.1584, expansion 20210825, as the measure package pins it): 6 codes. Authored by src/cli/author-value-sets.ts. */
import { CPT, HCPCS, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const HOSPICE_CARE_AMBULATORY: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.526.3.1584'),
  oid: '2.16.840.1.113883.3.526.3.1584',
  name: 'Hospice Care Ambulatory',
  version: '20210825',
  codes: [
    [SNOMED, '170935008', 'Full care by hospice (finding)'],
    [SNOMED, '170936009', 'Shared care - hospice and general practitioner (finding)'],
    [SNOMED, '385763009', 'Hospice care (regime/therapy)'],
    [
      CPT,
      '99377',
      "Supervision of a hospice patient (patient not present) requiring complex and multidisciplinary care modalities involving regular development and/or revision of care plans by that individual, review of subsequent reports of patient status, review of related laboratory and other studies, communication (including telephone calls) for purposes of assessment or care decisions with health care professional(s), family member(s), surrogate decision maker(s) (eg, legal guardian) and/or key caregiver(s) involved in patient's care, integration of new information into the medical treatment plan and/or adjustment of medical therapy, within a calendar month; 15-29 minutes",
    ],
    [
      CPT,
      '99378',
      "Supervision of a hospice patient (patient not present) requiring complex and multidisciplinary care modalities involving regular development and/or revision of care plans by that individual, review of subsequent reports of patient status, review of related laboratory and other studies, communication (including telephone calls) for purposes of assessment or care decisions with health care professional(s), family member(s), surrogate decision maker(s) (eg, legal guardian) and/or key caregiver(s) involved in patient's care, integration of new information into the medical treatment plan and/or adjustment of medical therapy, within a calendar month; 30 minutes or more",
    ],
    [
      HCPCS,
      'G0182',
      "Physician supervision of a patient under a medicare-approved hospice (patient not present) requiring complex and multidisciplinary care modalities involving regular physician development and/or revision of care plans, review of subsequent reports of patient status, review of laboratory and other studies, communication (including telephone calls) with other health care professionals involved in the patient's care, integration of new information into the medical treatment plan and/or adjustment of medical therapy, within a calendar month, 30 minutes or more",
    ],
  ],
};
