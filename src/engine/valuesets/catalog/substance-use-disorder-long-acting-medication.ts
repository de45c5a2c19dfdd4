/** Substance Use Disorder Long Acting Medication (VSAC 2.16.840.1.113883.3.464.1003.1149, expansion 20240124): 13 codes. Authored by src/cli/author-value-sets.ts. */
import { RXNORM } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const SUBSTANCE_USE_DISORDER_LONG_ACTING_MEDICATION: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.1149'),
  oid: '2.16.840.1.113883.3.464.1003.1149',
  name: 'Substance Use Disorder Long Acting Medication',
  version: '20240124',
  codes: [
    [RXNORM, '1655032', '1 ML buprenorphine 0.3 MG/ML Cartridge'],
    [RXNORM, '1797650', 'buprenorphine 74.2 MG Drug Implant'],
    [RXNORM, '1996184', '0.5 ML buprenorphine 200 MG/ML Prefilled Syringe'],
    [RXNORM, '1996192', '1.5 ML buprenorphine 200 MG/ML Prefilled Syringe'],
    [RXNORM, '238129', '1 ML buprenorphine 0.3 MG/ML Injection'],
    [RXNORM, '2639021', '0.16 ML buprenorphine 50 MG/ML Prefilled Syringe'],
    [RXNORM, '2639029', '0.32 ML buprenorphine 50 MG/ML Prefilled Syringe'],
    [RXNORM, '2639031', '0.48 ML buprenorphine 50 MG/ML Prefilled Syringe'],
    [RXNORM, '2639033', '0.64 ML buprenorphine 50 MG/ML Prefilled Syringe'],
    [RXNORM, '2639036', '0.18 ML buprenorphine 356 MG/ML Prefilled Syringe'],
    [RXNORM, '2639041', '0.27 ML buprenorphine 356 MG/ML Prefilled Syringe'],
    [RXNORM, '2639043', '0.36 ML buprenorphine 356 MG/ML Prefilled Syringe'],
    [RXNORM, '637213', 'naltrexone 380 MG Injection'],
  ],
};
