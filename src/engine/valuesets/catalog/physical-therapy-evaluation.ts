/** Physical Therapy Evaluation (VSAC 2.16.840.1.113883.3.526.3.1022, expansion 20200306, as the measure package pins it): 10 codes. Authored by src/cli/author-value-sets.ts. */
import { CPT, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const PHYSICAL_THERAPY_EVALUATION: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.526.3.1022'),
  oid: '2.16.840.1.113883.3.526.3.1022',
  name: 'Physical Therapy Evaluation',
  version: '20200306',
  codes: [
    [SNOMED, '183326003', 'Combined physical therapy (regime/therapy)'],
    [SNOMED, '410158009', 'Physical therapy assessment (procedure)'],
    [SNOMED, '410159001', 'Physical therapy education (procedure)'],
    [SNOMED, '410160006', 'Physical therapy management (procedure)'],
    [SNOMED, '424203006', 'Physical therapy education, guidance and counseling (procedure)'],
    [SNOMED, '424291000', 'Physical therapy surveillance (regime/therapy)'],
    [
      CPT,
      '97161',
      'Physical therapy evaluation: low complexity, requiring these components: A history with no personal factors and/or comorbidities that impact the plan of care; An examination of body system(s) using standardized tests and measures addressing 1-2 elements from any of the following: body structures and functions, activity limitations, and/or participation restrictions; A clinical presentation with stable and/or uncomplicated characteristics; and Clinical decision making of low complexity using standardized patient assessment instrument and/or measurable assessment of functional outcome. Typically, 20 minutes are spent face-to-face with the patient and/or family.',
    ],
    [
      CPT,
      '97162',
      'Physical therapy evaluation: moderate complexity, requiring these components: A history of present problem with 1-2 personal factors and/or comorbidities that impact the plan of care; An examination of body systems using standardized tests and measures in addressing a total of 3 or more elements from any of the following: body structures and functions, activity limitations, and/or participation restrictions; An evolving clinical presentation with changing characteristics; and Clinical decision making of moderate complexity using standardized patient assessment instrument and/or measurable assessment of functional outcome. Typically, 30 minutes are spent face-to-face with the patient and/or family.',
    ],
    [
      CPT,
      '97163',
      'Physical therapy evaluation: high complexity, requiring these components: A history of present problem with 3 or more personal factors and/or comorbidities that impact the plan of care; An examination of body systems using standardized tests and measures addressing a total of 4 or more elements from any of the following: body structures and functions, activity limitations, and/or participation restrictions; A clinical presentation with unstable and unpredictable characteristics; and Clinical decision making of high complexity using standardized patient assessment instrument and/or measurable assessment of functional outcome. Typically, 45 minutes are spent face-to-face with the patient and/or family.',
    ],
    [
      CPT,
      '97164',
      'Re-evaluation of physical therapy established plan of care, requiring these components: An examination including a review of history and use of standardized tests and measures is required; and Revised plan of care using a standardized patient assessment instrument and/or measurable assessment of functional outcome Typically, 20 minutes are spent face-to-face with the patient and/or family.',
    ],
  ],
};
