/** Occupational Therapy Evaluation (VSAC 2.16.840.1.113883.3.526.3.1011, expansion 20190315): 12 codes. Authored by src/cli/author-value-sets.ts. */
import { CPT, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const OCCUPATIONAL_THERAPY_EVALUATION: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.526.3.1011'),
  oid: '2.16.840.1.113883.3.526.3.1011',
  name: 'Occupational Therapy Evaluation',
  version: '20190315',
  codes: [
    [SNOMED, '228653003', 'Occupational therapy home visit (regime/therapy)'],
    [SNOMED, '410155007', 'Occupational therapy assessment (procedure)'],
    [SNOMED, '410156008', 'Occupational therapy education (procedure)'],
    [SNOMED, '410157004', 'Occupational therapy management (procedure)'],
    [SNOMED, '423602000', 'Occupational therapy surveillance (regime/therapy)'],
    [SNOMED, '424574000', 'Occupational therapy education, guidance, counseling (procedure)'],
    [SNOMED, '59694001', 'Occupational social therapy (regime/therapy)'],
    [SNOMED, '84478008', 'Occupational therapy (regime/therapy)'],
    [
      CPT,
      '97165',
      'Occupational therapy evaluation, low complexity, requiring these components: An occupational profile and medical and therapy history, which includes a brief history including review of medical and/or therapy records relating to the presenting problem; An assessment(s) that identifies 1-3 performance deficits (ie, relating to physical, cognitive, or psychosocial skills) that result in activity limitations and/or participation restrictions; and Clinical decision making of low complexity, which includes an analysis of the occupational profile, analysis of data from problem-focused assessment(s), and consideration of a limited number of treatment options. Patient presents with no comorbidities that affect occupational performance. Modification of tasks or assistance (eg, physical or verbal) with assessment(s) is not necessary to enable completion of evaluation component. Typically, 30 minutes are spent face-to-face with the patient and/or family.',
    ],
    [
      CPT,
      '97166',
      'Occupational therapy evaluation, moderate complexity, requiring these components: An occupational profile and medical and therapy history, which includes an expanded review of medical and/or therapy records and additional review of physical, cognitive, or psychosocial history related to current functional performance; An assessment(s) that identifies 3-5 performance deficits (ie, relating to physical, cognitive, or psychosocial skills) that result in activity limitations and/or participation restrictions; and Clinical decision making of moderate analytic complexity, which includes an analysis of the occupational profile, analysis of data from detailed assessment(s), and consideration of several treatment options. Patient may present with comorbidities that affect occupational performance. Minimal to moderate modification of tasks or assistance (eg, physical or verbal) with assessment(s) is necessary to enable patient to complete evaluation component. Typically, 45 minutes are spent face-to-face with the patient and/or family.',
    ],
    [
      CPT,
      '97167',
      'Occupational therapy evaluation, high complexity, requiring these components: An occupational profile and medical and therapy history, which includes review of medical and/or therapy records and extensive additional review of physical, cognitive, or psychosocial history related to current functional performance; An assessment(s) that identifies 5 or more performance deficits (ie, relating to physical, cognitive, or psychosocial skills) that result in activity limitations and/or participation restrictions; and Clinical decision making of high analytic complexity, which includes an analysis of the patient profile, analysis of data from comprehensive assessment(s), and consideration of multiple treatment options. Patient presents with comorbidities that affect occupational performance. Significant modification of tasks or assistance (eg, physical or verbal) with assessment(s) is necessary to enable patient to complete evaluation component. Typically, 60 minutes are spent face-to-face with the patient and/or family.',
    ],
    [
      CPT,
      '97168',
      'Re-evaluation of occupational therapy established plan of care, requiring these components: An assessment of changes in patient functional or medical status with revised plan of care; An update to the initial occupational profile to reflect changes in condition or environment that affect future interventions and/or goals; and A revised plan of care. A formal reevaluation is performed when there is a documented change in functional status or a significant change to the plan of care is required. Typically, 30 minutes are spent face-to-face with the patient and/or family.',
    ],
  ],
};
