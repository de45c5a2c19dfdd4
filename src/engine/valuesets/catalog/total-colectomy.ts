/** Total Colectomy (VSAC 2.16.840.1.113883.3.464.1003.198.12.1019, expansion 20240112, as the measure package pins it): 32 codes. Authored by src/cli/author-value-sets.ts. */
import { CPT, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const TOTAL_COLECTOMY: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.198.12.1019'),
  oid: '2.16.840.1.113883.3.464.1003.198.12.1019',
  name: 'Total Colectomy',
  version: '20240112',
  codes: [
    [SNOMED, '26390003', 'Total colectomy (procedure)'],
    [SNOMED, '303401008', 'Parks panproctocolectomy, anastomosis of ileum to anus and creation of pouch (procedure)'],
    [SNOMED, '307666008', 'Total colectomy and ileostomy (procedure)'],
    [SNOMED, '307667004', 'Total colectomy, ileostomy and rectal mucous fistula (procedure)'],
    [SNOMED, '307669001', 'Total colectomy, ileostomy and closure of rectal stump (procedure)'],
    [SNOMED, '31130001', 'Total abdominal colectomy with proctectomy and ileostomy (procedure)'],
    [SNOMED, '36192008', 'Total abdominal colectomy with ileoproctostomy (procedure)'],
    [SNOMED, '44751009', 'Total abdominal colectomy with proctectomy and continent ileostomy (procedure)'],
    [SNOMED, '456004', 'Total abdominal colectomy with ileostomy (procedure)'],
    [SNOMED, '713165008', 'Laparoscopic total colectomy with ileo-rectal anastomosis (procedure)'],
    [SNOMED, '787108001', 'Laparoscopic restorative proctocolectomy with ileal pouch anal anastomosis (procedure)'],
    [SNOMED, '787109009', 'Excision of entire colon and entire rectum (procedure)'],
    [SNOMED, '787874000', 'Laparoscopic total colectomy (procedure)'],
    [SNOMED, '787875004', 'Laparoscopic total colectomy and loop ileostomy (procedure)'],
    [SNOMED, '787876003', 'Laparoscopic total colectomy and ileostomy (procedure)'],
    [SNOMED, '80294005', 'Total abdominal colectomy with rectal mucosectomy and ileoanal anastomosis (procedure)'],
    [SNOMED, '858579005', 'Excision of entire colon, entire rectum and entire anal canal (procedure)'],
    [CPT, '44150', 'Colectomy, total, abdominal, without proctectomy; with ileostomy or ileoproctostomy'],
    [CPT, '44151', 'Colectomy, total, abdominal, without proctectomy; with continent ileostomy'],
    [
      CPT,
      '44152',
      'Colectomy, total, abdominal, without proctectomy; with rectal mucosectomy, ileoanal anastomosis, with or without loop ileostomy',
    ],
    [
      CPT,
      '44153',
      'Colectomy, total, abdominal, without proctectomy; with rectal mucosectomy, ileoanal anastomosis, creation of ileal reservoir (S or J), with or without loop ileostomy',
    ],
    [CPT, '44155', 'Colectomy, total, abdominal, with proctectomy; with ileostomy'],
    [CPT, '44156', 'Colectomy, total, abdominal, with proctectomy; with continent ileostomy'],
    [
      CPT,
      '44157',
      'Colectomy, total, abdominal, with proctectomy; with ileoanal anastomosis, includes loop ileostomy, and rectal mucosectomy, when performed',
    ],
    [
      CPT,
      '44158',
      'Colectomy, total, abdominal, with proctectomy; with ileoanal anastomosis, creation of ileal reservoir (S or J), includes loop ileostomy, and rectal mucosectomy, when performed',
    ],
    [
      CPT,
      '44210',
      'Laparoscopy, surgical; colectomy, total, abdominal, without proctectomy, with ileostomy or ileoproctostomy',
    ],
    [
      CPT,
      '44211',
      'Laparoscopy, surgical; colectomy, total, abdominal, with proctectomy, with ileoanal anastomosis, creation of ileal reservoir (S or J), with loop ileostomy, includes rectal mucosectomy, when performed',
    ],
    [CPT, '44212', 'Laparoscopy, surgical; colectomy, total, abdominal, with proctectomy, with ileostomy'],
    ['http://www.cms.gov/Medicare/Coding/ICD10', '0DTE0ZZ', 'Resection of Large Intestine, Open Approach'],
    [
      'http://www.cms.gov/Medicare/Coding/ICD10',
      '0DTE4ZZ',
      'Resection of Large Intestine, Percutaneous Endoscopic Approach',
    ],
    [
      'http://www.cms.gov/Medicare/Coding/ICD10',
      '0DTE7ZZ',
      'Resection of Large Intestine, Via Natural or Artificial Opening',
    ],
    [
      'http://www.cms.gov/Medicare/Coding/ICD10',
      '0DTE8ZZ',
      'Resection of Large Intestine, Via Natural or Artificial Opening Endoscopic',
    ],
  ],
};
