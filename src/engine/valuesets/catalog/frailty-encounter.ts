/** Frailty Encounter (VSAC 2.16.840.1.113883.3.464.1003.101.12.1088, expansion 20210224, as the measure package pins it): 23 codes. Authored by src/cli/author-value-sets.ts. */
import { CPT, HCPCS } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const FRAILTY_ENCOUNTER: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.101.12.1088'),
  oid: '2.16.840.1.113883.3.464.1003.101.12.1088',
  name: 'Frailty Encounter',
  version: '20210224',
  codes: [
    [CPT, '99504', 'Home visit for mechanical ventilation care'],
    [CPT, '99509', 'Home visit for assistance with activities of daily living and personal care'],
    [
      HCPCS,
      'G0162',
      "Skilled services by a registered nurse (rn) for management and evaluation of the plan of care; each 15 minutes (the patient's underlying condition or complication requires an rn to ensure that essential non-skilled care achieves its purpose in the home health or hospice setting)",
    ],
    [
      HCPCS,
      'G0299',
      'Direct skilled nursing services of a registered nurse (rn) in the home health or hospice setting, each 15 minutes',
    ],
    [
      HCPCS,
      'G0300',
      'Direct skilled nursing services of a licensed practical nurse (lpn) in the home health or hospice setting, each 15 minutes',
    ],
    [
      HCPCS,
      'G0493',
      "Skilled services of a registered nurse (rn) for the observation and assessment of the patient's condition, each 15 minutes (the change in the patient's condition requires skilled nursing personnel to identify and evaluate the patient's need for possible modification of treatment in the home health or hospice setting)",
    ],
    [
      HCPCS,
      'G0494',
      "Skilled services of a licensed practical nurse (lpn) for the observation and assessment of the patient's condition, each 15 minutes (the change in the patient's condition requires skilled nursing personnel to identify and evaluate the patient's need for possible modification of treatment in the home health or hospice setting)",
    ],
    [HCPCS, 'S0271', 'Physician management of patient home care, hospice monthly case rate (per 30 days)'],
    [HCPCS, 'S0311', 'Comprehensive management and care coordination for advanced illness, per calendar month'],
    [
      HCPCS,
      'S9123',
      'Nursing care, in the home; by registered nurse, per hour (use for general nursing care only, not to be used when cpt codes 99500-99602 can be used)',
    ],
    [HCPCS, 'S9124', 'Nursing care, in the home; by licensed practical nurse, per hour'],
    [HCPCS, 'T1000', 'Private duty / independent nursing service(s) - licensed, up to 15 minutes'],
    [HCPCS, 'T1001', 'Nursing assessment / evaluation'],
    [HCPCS, 'T1002', 'Rn services, up to 15 minutes'],
    [HCPCS, 'T1003', 'Lpn/lvn services, up to 15 minutes'],
    [HCPCS, 'T1004', 'Services of a qualified nursing aide, up to 15 minutes'],
    [HCPCS, 'T1005', 'Respite care services, up to 15 minutes'],
    [
      HCPCS,
      'T1019',
      'Personal care services, per 15 minutes, not for an inpatient or resident of a hospital, nursing facility, icf/mr or imd, part of the individualized plan of treatment (code may not be used to identify services provided by home health aide or certified nurse assistant)',
    ],
    [
      HCPCS,
      'T1020',
      'Personal care services, per diem, not for an inpatient or resident of a hospital, nursing facility, icf/mr or imd, part of the individualized plan of treatment (code may not be used to identify services provided by home health aide or certified nurse assistant)',
    ],
    [HCPCS, 'T1021', 'Home health aide or certified nurse assistant, per visit'],
    [HCPCS, 'T1022', 'Contracted home health agency services, all services provided under contract, per day'],
    [HCPCS, 'T1030', 'Nursing care, in the home, by registered nurse, per diem'],
    [HCPCS, 'T1031', 'Nursing care, in the home, by licensed practical nurse, per diem'],
  ],
};
