import { describe, expect, it } from 'vitest';
import { GAP_FAMILIES, gapFamilies } from '../../../src/engine/gaps/index.ts';
import { DEFAULT_GAP_POLICY } from '../../../src/engine/gaps/gap-policy.ts';
import { evaluatePatient } from '../../../src/engine/evaluate-patient.ts';
import { recordFromResources } from '../../../src/engine/record.ts';
import { DX, inpatientStay, patient, PERIOD, plusDays, runFamily } from './gap-fixtures.ts';

const STABLE_IDS = [
  'cms2',
  'sdoh-screening',
  'cms165',
  'cms122',
  'cms130',
  'cms125',
  'fuh-7',
  'fuh-30',
  'fum-7',
  'fum-30',
  'fua-7',
  'fua-30',
  'tcm-7',
  'tcm-14',
  'tcm-contact-2d',
  'depression-screening-coding',
  'sdoh-positive-follow-up',
  'phq9-monitoring',
];

describe('the registered gap families', () => {
  it('declare every stable gap id of issue 4', () => {
    const ids = GAP_FAMILIES.flatMap((f) => f.ids);
    for (const id of STABLE_IDS) {
      expect(ids).toContain(id);
    }
    expect(ids).toContain('sdoh-positive-follow-up:food');
  });

  it('give a patient with an empty but complete record a status for every non-measure gap', () => {
    const evaluation = evaluatePatient(recordFromResources([patient('nora-empty', 'Nora', 'Empty')]), {
      period: PERIOD,
      asOf: '2026-11-23',
    });
    const statuses = Object.fromEntries(evaluation.gaps.map((g) => [g.id, g.status]));
    for (const id of [
      'fuh-7',
      'fuh-30',
      'fum-7',
      'fum-30',
      'fua-7',
      'fua-30',
      'tcm-7',
      'tcm-14',
      'tcm-contact-2d',
      'depression-screening-coding',
      'phq9-monitoring',
    ]) {
      expect(statuses[id], id).toBe('not-applicable');
    }
    for (const g of evaluation.gaps) {
      expect(g.why.length, g.id).toBeGreaterThan(0);
    }
  });

  it('puts an open discharge follow-up into the visit actions through evaluatePatient', () => {
    const discharge = '2026-11-20';
    const record = recordFromResources([
      patient('omar-fuh', 'Omar', 'Haddad'),
      ...inpatientStay(plusDays(discharge, -4), discharge, { principal: DX.schizophrenia }),
    ]);
    const evaluation = evaluatePatient(record, { period: PERIOD, asOf: '2026-11-23', only: ['fuh-7'] });
    expect(evaluation.gaps.find((g) => g.id === 'fuh-7')).toMatchObject({
      status: 'open',
      due: plusDays(discharge, 7),
    });
    expect(evaluation.actions.map((a) => a.source)).toContain('fuh-7');
  });

  it('honour an organisation policy: a 90-day look-back keeps an older discharge visible', () => {
    const discharge = '2026-08-01';
    const resources = [
      patient('lena-policy', 'Lena', 'Berg'),
      ...inpatientStay(plusDays(discharge, -3), discharge, { principal: DX.majorDepression }),
    ];
    const [, fuhDefault] = gapFamilies();
    const [, fuhLong] = gapFamilies({ ...DEFAULT_GAP_POLICY, lookbackDays: 90 });
    expect(runFamily(fuhDefault!, resources, { asOf: plusDays(discharge, 70) })[1]?.status).toBe('not-applicable');
    expect(runFamily(fuhLong!, resources, { asOf: plusDays(discharge, 70) })[1]?.why).toMatch(/^Missed/);
  });
});
