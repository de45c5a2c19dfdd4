import { describe, expect, it } from 'vitest';
import { condition, deviceRequest, edVisit, flag, flagsFor, inpatientStay, daysBefore } from './flag-fixtures.ts';

describe('high-needs approximation (LEAD / REACH criteria from EHR data)', () => {
  it('matches a mobility-impairing diagnosis and says it is an approximation', () => {
    expect(flag(flagsFor([condition('G35', 'Multiple sclerosis')]), 'high-needs-approx')).toMatchObject({
      severity: 'moderate',
      statement:
        'Possible high-needs patient (approximation of the LEAD/REACH criteria from EHR data): mobility-impairing diagnosis (Multiple sclerosis (G35)).',
    });
  });

  it('matches cerebral palsy, cystic fibrosis and paraplegia but not low back pain', () => {
    for (const [code, display] of [
      ['G80.9', 'Cerebral palsy'],
      ['E84.0', 'Cystic fibrosis with pulmonary manifestations'],
      ['G82.20', 'Paraplegia'],
    ] as const) {
      expect(flag(flagsFor([condition(code, display)]), 'high-needs-approx')).toBeDefined();
    }
    expect(flag(flagsFor([condition('M54.50', 'Low back pain')]), 'high-needs-approx')).toBeUndefined();
  });

  it('matches a DeviceRequest for a home hospital bed (HCPCS E0260) but not for a cane (E0100)', () => {
    expect(
      flag(flagsFor([deviceRequest('E0260', 'Hospital bed, semi-electric, with mattress')]), 'high-needs-approx')
        ?.statement,
    ).toContain('frailty indicator (Hospital bed, semi-electric, with mattress)');
    expect(flag(flagsFor([deviceRequest('E0100', 'Cane')]), 'high-needs-approx')).toBeUndefined();
  });

  it('matches a patient lift at the edge of the range (E0640) but not E0641', () => {
    expect(flag(flagsFor([deviceRequest('E0640', 'Patient lift, fixed system')]), 'high-needs-approx')).toBeDefined();
    expect(flag(flagsFor([deviceRequest('E0641', 'Standing frame')]), 'high-needs-approx')).toBeUndefined();
  });

  it('matches two unplanned admissions in 12 months (through the ED) but not one', () => {
    const viaEd = (n: number) => [edVisit(daysBefore(n)), inpatientStay(daysBefore(n), daysBefore(n - 3))];
    expect(flag(flagsFor(viaEd(100)), 'high-needs-approx')).toBeUndefined();
    expect(flag(flagsFor([...viaEd(100), ...viaEd(200)]), 'high-needs-approx')?.statement).toContain(
      '2 unplanned admissions in 12 months (7 May 2026 and 15 Aug 2026)',
    );
  });

  it('counts an admission with admit source "emd" as unplanned but not an elective one', () => {
    const emd = inpatientStay(daysBefore(50), daysBefore(45), { admitSource: 'emd' });
    const elective = inpatientStay(daysBefore(150), daysBefore(145));
    expect(flag(flagsFor([emd, elective]), 'high-needs-approx')).toBeUndefined();
    expect(
      flag(
        flagsFor([emd, inpatientStay(daysBefore(150), daysBefore(145), { admitSource: 'emd' })]),
        'high-needs-approx',
      ),
    ).toBeDefined();
  });

  it('names every criterion that matched', () => {
    const f = flag(
      flagsFor([condition('G35', 'Multiple sclerosis'), deviceRequest('E0630', 'Patient lift')]),
      'high-needs-approx',
    );
    expect(f?.statement).toMatch(/mobility-impairing diagnosis .*; frailty indicator \(Patient lift\)\.$/);
    expect(f?.evidence.map((e) => e.rule)).toEqual(['mobility-impairing-diagnosis', 'frailty-device']);
  });
});
