/** Kidney Transplant (VSAC 2.16.840.1.113883.3.464.1003.109.12.1012, expansion 20190315, as the measure package pins it): 23 codes. Authored by src/cli/author-value-sets.ts. */
import { CPT, HCPCS, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const KIDNEY_TRANSPLANT: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.109.12.1012'),
  oid: '2.16.840.1.113883.3.464.1003.109.12.1012',
  name: 'Kidney Transplant',
  version: '20190315',
  codes: [
    [SNOMED, '175899003', 'Autotransplantation of kidney (procedure)'],
    [SNOMED, '175901007', 'Live donor renal transplant (procedure)'],
    [SNOMED, '175902000', 'Cadaveric renal transplant (procedure)'],
    [SNOMED, '236138007', 'Xenograft renal transplant (procedure)'],
    [SNOMED, '313030004', 'Donor renal transplantation (procedure)'],
    [SNOMED, '52213001', 'Renal homotransplantation excluding donor and recipient nephrectomy (procedure)'],
    [SNOMED, '6471000179103', 'Transplantation of kidney and pancreas (procedure)'],
    [SNOMED, '70536003', 'Transplant of kidney (procedure)'],
    [SNOMED, '711411006', 'Allotransplantation of kidney from beating heart cadaver (procedure)'],
    [SNOMED, '711413009', 'Allotransplantation of kidney from non-beating heart cadaver (procedure)'],
    [SNOMED, '765478004', 'Allotransplantation of left kidney (procedure)'],
    [SNOMED, '765479007', 'Allotransplantation of right kidney (procedure)'],
    [SNOMED, '782655004', 'Laparoscopic transplant of kidney using robotic assistance (procedure)'],
    [CPT, '50360', 'Renal allotransplantation, implantation of graft; without recipient nephrectomy'],
    [CPT, '50365', 'Renal allotransplantation, implantation of graft; with recipient nephrectomy'],
    [CPT, '50380', 'Renal autotransplantation, reimplantation of kidney'],
    [
      'http://www.cms.gov/Medicare/Coding/ICD10',
      '0TY00Z0',
      'Transplantation of Right Kidney, Allogeneic, Open Approach',
    ],
    [
      'http://www.cms.gov/Medicare/Coding/ICD10',
      '0TY00Z1',
      'Transplantation of Right Kidney, Syngeneic, Open Approach',
    ],
    [
      'http://www.cms.gov/Medicare/Coding/ICD10',
      '0TY00Z2',
      'Transplantation of Right Kidney, Zooplastic, Open Approach',
    ],
    [
      'http://www.cms.gov/Medicare/Coding/ICD10',
      '0TY10Z0',
      'Transplantation of Left Kidney, Allogeneic, Open Approach',
    ],
    ['http://www.cms.gov/Medicare/Coding/ICD10', '0TY10Z1', 'Transplantation of Left Kidney, Syngeneic, Open Approach'],
    [
      'http://www.cms.gov/Medicare/Coding/ICD10',
      '0TY10Z2',
      'Transplantation of Left Kidney, Zooplastic, Open Approach',
    ],
    [HCPCS, 'S2065', 'Simultaneous pancreas kidney transplantation'],
  ],
};
