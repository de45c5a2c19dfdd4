/** Bilateral Mastectomy (VSAC 2.16.840.1.113883.3.464.1003.198.12.1005, expansion 20240105, as the measure package pins it): 16 codes. Authored by src/cli/author-value-sets.ts. */
import { SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const BILATERAL_MASTECTOMY: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.198.12.1005'),
  oid: '2.16.840.1.113883.3.464.1003.198.12.1005',
  name: 'Bilateral Mastectomy',
  version: '20240105',
  codes: [
    [SNOMED, '1268980002', 'Simple mastectomy of right breast and prophylactic mastectomy of left breast (procedure)'],
    [SNOMED, '1269061009', 'Simple mastectomy of left breast and prophylactic mastectomy of right breast (procedure)'],
    [SNOMED, '1279986002', 'Excision of bilateral nipples (procedure)'],
    [SNOMED, '14693006', 'Subcutaneous mammectomy of bilateral breasts (procedure)'],
    [SNOMED, '14714006', 'Excision of bilateral breasts with excision of bilateral regional lymph nodes (procedure)'],
    [SNOMED, '17086001', 'Modified radical mastectomy, bilateral (procedure)'],
    [SNOMED, '22418005', 'Simple mastectomy of bilateral breasts (procedure)'],
    [SNOMED, '27865001', 'Excision of bilateral breasts (procedure)'],
    [SNOMED, '456903003', 'Extended radical mastectomy of bilateral breasts (procedure)'],
    [SNOMED, '52314009', 'Extended simple mastectomy of bilateral breasts (procedure)'],
    [SNOMED, '60633004', 'Subcutaneous mammectomy of bilateral breasts with synchronous implants (procedure)'],
    [SNOMED, '726636007', 'Prophylactic bilateral mastectomy (procedure)'],
    [SNOMED, '76468001', 'Radical mastectomy of bilateral breasts (procedure)'],
    [SNOMED, '836436008', 'Simple mastectomy of bilateral breasts using robotic assistance (procedure)'],
    [SNOMED, '870629001', 'Excision of bilateral breasts for female to male transsexual (procedure)'],
    ['http://www.cms.gov/Medicare/Coding/ICD10', '0HTV0ZZ', 'Resection of Bilateral Breast, Open Approach'],
  ],
};
