/** Congenital or Acquired Absence of Cervix (VSAC 2.16.840.1.113883.3.464.1003.111.12.1016, expansion 20240106): 11 codes. Authored by src/cli/author-value-sets.ts. */
import { ICD10CM, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const CONGENITAL_OR_ACQUIRED_ABSENCE_OF_CERVIX: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.111.12.1016'),
  oid: '2.16.840.1.113883.3.464.1003.111.12.1016',
  name: 'Congenital or Acquired Absence of Cervix',
  version: '20240106',
  codes: [
    [ICD10CM, 'Q51.5', 'Agenesis and aplasia of cervix'],
    [ICD10CM, 'Z90.710', 'Acquired absence of both cervix and uterus'],
    [ICD10CM, 'Z90.712', 'Acquired absence of cervix with remaining uterus'],
    [
      SNOMED,
      '10738891000119107',
      'History of total hysterectomy without abnormal cervical Papanicolaou smear (situation)',
    ],
    [SNOMED, '248911005', 'Uterine cervix absent (finding)'],
    [SNOMED, '37687000', 'Congenital absence of cervix (disorder)'],
    [SNOMED, '428078001', 'History of total hysterectomy (situation)'],
    [SNOMED, '429290001', 'History of radical hysterectomy (situation)'],
    [SNOMED, '429763009', 'History of total hysterectomy with bilateral salpingo-oophorectomy (situation)'],
    [SNOMED, '473171009', 'History of vaginal hysterectomy (situation)'],
    [SNOMED, '723171001', 'Acquired absence of cervix and uterus (disorder)'],
  ],
};
