import { describe, expect, it } from 'vitest';
import { condition, flag, flagsFor, SNOMED } from './flag-fixtures.ts';

describe('SMI, SUD and co-occurring flags', () => {
  it('flags schizophrenia on the problem list as serious mental illness (high)', () => {
    const flags = flagsFor([condition('F20.9', 'Schizophrenia, unspecified')]);
    expect(flag(flags, 'smi')).toMatchObject({ severity: 'high', statement: 'Serious mental illness: Schizophrenia, unspecified (F20.9).' });
    expect(flag(flags, 'sud')).toBeUndefined();
  });

  it('counts severe major depression (F33.2) but not moderate (F33.1) as SMI', () => {
    expect(flag(flagsFor([condition('F33.2', 'Major depressive disorder, recurrent severe')]), 'smi')).toBeDefined();
    expect(flag(flagsFor([condition('F33.1', 'Major depressive disorder, recurrent, moderate')]), 'smi')).toBeUndefined();
  });

  it('reads a SNOMED bipolar disorder problem', () => {
    expect(flag(flagsFor([condition('13746004', 'Bipolar disorder', { system: SNOMED })]), 'smi')).toBeDefined();
  });

  it('ignores resolved, inactive, refuted and entered-in-error diagnoses', () => {
    for (const opts of [{ clinicalStatus: 'resolved' }, { clinicalStatus: 'inactive' }, { verificationStatus: 'refuted' }, { verificationStatus: 'entered-in-error' }]) {
      expect(flag(flagsFor([condition('F31.9', 'Bipolar disorder, unspecified', opts)]), 'smi')).toBeUndefined();
    }
  });

  it('counts an encounter diagnosis without clinicalStatus', () => {
    expect(flag(flagsFor([condition('F25.0', 'Schizoaffective disorder, bipolar type', { clinicalStatus: null })]), 'smi')).toBeDefined();
  });

  it('flags alcohol dependence as SUD (high) but not nicotine dependence (F17)', () => {
    expect(flag(flagsFor([condition('F10.20', 'Alcohol dependence, uncomplicated')]), 'sud')).toMatchObject({ severity: 'high' });
    expect(flag(flagsFor([condition('F17.210', 'Nicotine dependence, cigarettes')]), 'sud')).toBeUndefined();
  });

  it('says "in remission" at moderate severity for F11.21 opioid dependence in remission', () => {
    const sud = flag(flagsFor([condition('F11.21', 'Opioid dependence, in remission')]), 'sud');
    expect(sud).toMatchObject({ severity: 'moderate', statement: 'Substance use disorder in remission: Opioid dependence, in remission (F11.21).' });
  });

  it('reads clinicalStatus remission as in remission', () => {
    expect(flag(flagsFor([condition('F10.20', 'Alcohol dependence', { clinicalStatus: 'remission' })]), 'sud')?.statement).toContain('in remission');
  });

  it('keeps high severity when one SUD is active and another in remission', () => {
    const sud = flag(flagsFor([condition('F10.21', 'Alcohol dependence, in remission'), condition('F14.20', 'Cocaine dependence')]), 'sud');
    expect(sud).toMatchObject({ severity: 'high', statement: 'Substance use disorder: Cocaine dependence (F14.20).' });
    expect(sud?.evidence).toHaveLength(2);
  });

  it('flags co-occurring SMI and SUD with evidence for both', () => {
    const flags = flagsFor([condition('F20.0', 'Paranoid schizophrenia'), condition('F12.20', 'Cannabis dependence')]);
    expect(flag(flags, 'smi-sud')).toMatchObject({ severity: 'high', statement: 'Co-occurring serious mental illness and substance use disorder.' });
    expect(flag(flags, 'smi-sud')?.evidence.map((e) => e.rule)).toEqual(['smi-diagnosis', 'sud-diagnosis']);
  });

  it('raises nothing for a patient with only hypertension', () => {
    expect(flagsFor([condition('I10', 'Essential hypertension')])).toEqual([]);
  });
});
