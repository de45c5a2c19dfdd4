/** Flexible Sigmoidoscopy, every published version (VSAC 2.16.840.1.113883.3.464.1003.198.12.1010: 20171219 and the current list): 20 codes — for rules outside the eCQMs only. Authored by src/cli/author-value-sets.ts. */
import { CPT, HCPCS, SNOMED } from '../../codes/code-systems.ts';
import { type ValueSetDef } from '../value-set.ts';

export const FLEXIBLE_SIGMOIDOSCOPY_ALL_VERSIONS: ValueSetDef = {
  url: 'https://caregap.example.org/fhir/ValueSet/2.16.840.1.113883.3.464.1003.198.12.1010-all-versions',
  oid: '2.16.840.1.113883.3.464.1003.198.12.1010-all-versions',
  name: 'Flexible Sigmoidoscopy',
  version: '20171219',
  codes: [
    [SNOMED, '1217117008', 'Endoscopic examination of lower bowel and sampling for bacterial overgrowth (procedure)'],
    [SNOMED, '396226005', 'Flexible fiberoptic sigmoidoscopy with biopsy (procedure)'],
    [SNOMED, '44441009', 'Flexible fiberoptic sigmoidoscopy (procedure)'],
    [
      CPT,
      '45330',
      'Sigmoidoscopy, flexible; diagnostic, including collection of specimen(s) by brushing or washing, when performed (separate procedure)',
    ],
    [CPT, '45331', 'Sigmoidoscopy, flexible; with biopsy, single or multiple'],
    [CPT, '45332', 'Sigmoidoscopy, flexible; with removal of foreign body(s)'],
    [
      CPT,
      '45333',
      'Sigmoidoscopy, flexible; with removal of tumor(s), polyp(s), or other lesion(s) by hot biopsy forceps',
    ],
    [CPT, '45334', 'Sigmoidoscopy, flexible; with control of bleeding, any method'],
    [CPT, '45335', 'Sigmoidoscopy, flexible; with directed submucosal injection(s), any substance'],
    [
      CPT,
      '45337',
      'Sigmoidoscopy, flexible; with decompression (for pathologic distention) (eg, volvulus, megacolon), including placement of decompression tube, when performed',
    ],
    [
      CPT,
      '45338',
      'Sigmoidoscopy, flexible; with removal of tumor(s), polyp(s), or other lesion(s) by snare technique',
    ],
    [CPT, '45340', 'Sigmoidoscopy, flexible; with transendoscopic balloon dilation'],
    [CPT, '45341', 'Sigmoidoscopy, flexible; with endoscopic ultrasound examination'],
    [
      CPT,
      '45342',
      'Sigmoidoscopy, flexible; with transendoscopic ultrasound guided intramural or transmural fine needle aspiration/biopsy(s)',
    ],
    [
      CPT,
      '45346',
      'Sigmoidoscopy, flexible; with ablation of tumor(s), polyp(s), or other lesion(s) (includes pre- and post-dilation and guide wire passage, when performed)',
    ],
    [
      CPT,
      '45347',
      'Sigmoidoscopy, flexible; with placement of endoscopic stent (includes pre- and post-dilation and guide wire passage, when performed)',
    ],
    [CPT, '45349', 'Sigmoidoscopy, flexible; with endoscopic mucosal resection'],
    [CPT, '45350', 'Sigmoidoscopy, flexible; with band ligation(s) (eg, hemorrhoids)'],
    ['http://www.nlm.nih.gov/research/umls/hcpcs', 'G0104', 'Colorectal cancer screening; flexible sigmoidoscopy'],
    [HCPCS, 'G0104', 'Colorectal cancer screening; flexible sigmoidoscopy'],
  ],
};
