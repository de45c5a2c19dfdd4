/** Medical Reason (VSAC 2.16.840.1.113883.3.526.3.1007, expansion 20170504, as the measure package pins it): 15 codes. Authored by src/cli/author-value-sets.ts. */
import { SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const MEDICAL_REASON: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.526.3.1007'),
  oid: '2.16.840.1.113883.3.526.3.1007',
  name: 'Medical Reason',
  version: '20170504',
  codes: [
    [SNOMED, '183932001', 'Procedure contraindicated (situation)'],
    [SNOMED, '183964008', 'Treatment not indicated (situation)'],
    [SNOMED, '183966005', 'Drug treatment not indicated (situation)'],
    [SNOMED, '266721009', 'Absent response to treatment (situation)'],
    [SNOMED, '269191009', 'Late effect of medical and surgical care complication (disorder)'],
    [SNOMED, '31438003', 'Drug resistance (disorder)'],
    [SNOMED, '35688006', 'Complication of medical care (disorder)'],
    [SNOMED, '407563006', 'Treatment not tolerated (situation)'],
    [SNOMED, '410534003', 'Not indicated (qualifier value)'],
    [SNOMED, '410536001', 'Contraindicated (qualifier value)'],
    [SNOMED, '416098002', 'Allergy to drug (finding)'],
    [SNOMED, '428119001', 'Procedure not indicated (situation)'],
    [SNOMED, '59037007', 'Intolerance to drug (finding)'],
    [SNOMED, '62014003', 'Adverse reaction caused by drug (disorder)'],
    [SNOMED, '79899007', 'Drug interaction (finding)'],
  ],
};
