import { describe, expect, it } from 'vitest';
import { condition, flag, flagsFor, SNOMED } from './flag-fixtures.ts';

describe('SMI, SUD and co-occurring flags', () => {
  it('flags schizophrenia on the problem list as serious mental illness (high)', () => {
    const flags = flagsFor([condition('F20.9', 'Schizophrenia, unspecified')]);
    expect(flag(flags, 'smi')).toMatchObject({
      severity: 'high',
      statement: 'Serious mental illness: Schizophrenia, unspecified (F20.9).',
    });
    expect(flag(flags, 'sud')).toBeUndefined();
  });

  // issue 12 §4: SMI = schizophrenia spectrum, bipolar, RECURRENT or SEVERE major depression —
  // not a single mild/moderate episode, nor mixed anxiety and depressive disorder
  it.each([
    ['F33.2', 'Major depressive disorder, recurrent severe without psychotic features', true],
    ['F33.1', 'Major depressive disorder, recurrent, moderate', true],
    ['F33.0', 'Major depressive disorder, recurrent, mild', true],
    ['F32.2', 'Major depressive disorder, single episode, severe without psychotic features', true],
    ['F32.3', 'Major depressive disorder, single episode, severe with psychotic features', true],
    ['F25.0', 'Schizoaffective disorder, bipolar type', true],
    ['F31.81', 'Bipolar II disorder', true],
    ['F32.0', 'Major depressive disorder, single episode, mild', false],
    ['F32.1', 'Major depressive disorder, single episode, moderate', false],
    ['F32.9', 'Major depressive disorder, single episode, unspecified', false],
    ['F32.A', 'Depression, unspecified', false],
    ['F41.2', 'Mixed anxiety and depressive disorder', false],
  ] as const)('treats %s (%s) as serious mental illness: %s', (code, display, smi) => {
    expect(flag(flagsFor([condition(code, display)]), 'smi') !== undefined).toBe(smi);
  });

  it.each([
    ['281000119103', 'Severe recurrent major depression', true],
    ['66344007', 'Recurrent major depression', true],
    ['251000119105', 'Severe major depression, single episode', true],
    ['58214004', 'Schizophrenia', true],
    ['36923009', 'Major depression, single episode', false],
    ['15639000', 'Moderate major depression, single episode', false],
    ['720453001', 'Moderately severe major depression single episode', false],
    ['231504006', 'Mixed anxiety and depressive disorder', false],
  ] as const)('reads SNOMED %s (%s) from the VSAC value sets: SMI %s', (code, display, smi) => {
    expect(flag(flagsFor([condition(code, display, { system: SNOMED })]), 'smi') !== undefined).toBe(smi);
  });

  it('writes no code-system URL into the statement when the code has no display', () => {
    const bare: fhir4.Condition = {
      ...condition('F33.1', 'x'),
      code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'F33.1' }] },
    };
    expect(flag(flagsFor([bare]), 'smi')?.statement).toBe('Serious mental illness: diagnosis (F33.1).');
  });

  it('reads a SNOMED bipolar disorder problem', () => {
    expect(flag(flagsFor([condition('13746004', 'Bipolar disorder', { system: SNOMED })]), 'smi')).toBeDefined();
  });

  it('ignores resolved, inactive, refuted and entered-in-error diagnoses', () => {
    for (const opts of [
      { clinicalStatus: 'resolved' },
      { clinicalStatus: 'inactive' },
      { verificationStatus: 'refuted' },
      { verificationStatus: 'entered-in-error' },
    ]) {
      expect(flag(flagsFor([condition('F31.9', 'Bipolar disorder, unspecified', opts)]), 'smi')).toBeUndefined();
    }
  });

  it('counts an encounter diagnosis without clinicalStatus', () => {
    expect(
      flag(flagsFor([condition('F25.0', 'Schizoaffective disorder, bipolar type', { clinicalStatus: null })]), 'smi'),
    ).toBeDefined();
  });

  it('flags alcohol dependence as SUD (high) but not nicotine dependence (F17)', () => {
    expect(flag(flagsFor([condition('F10.20', 'Alcohol dependence, uncomplicated')]), 'sud')).toMatchObject({
      severity: 'high',
    });
    expect(flag(flagsFor([condition('F17.210', 'Nicotine dependence, cigarettes')]), 'sud')).toBeUndefined();
  });

  it('says "in remission" at moderate severity for F11.21 opioid dependence in remission', () => {
    const sud = flag(flagsFor([condition('F11.21', 'Opioid dependence, in remission')]), 'sud');
    expect(sud).toMatchObject({
      severity: 'moderate',
      statement: 'Substance use disorder in remission: Opioid dependence, in remission (F11.21).',
    });
  });

  it('reads clinicalStatus remission as in remission', () => {
    expect(
      flag(flagsFor([condition('F10.20', 'Alcohol dependence', { clinicalStatus: 'remission' })]), 'sud')?.statement,
    ).toContain('in remission');
  });

  it('keeps high severity when one SUD is active and another in remission', () => {
    const sud = flag(
      flagsFor([condition('F10.21', 'Alcohol dependence, in remission'), condition('F14.20', 'Cocaine dependence')]),
      'sud',
    );
    expect(sud).toMatchObject({ severity: 'high', statement: 'Substance use disorder: Cocaine dependence (F14.20).' });
    expect(sud?.evidence).toHaveLength(2);
  });

  it('flags co-occurring SMI and SUD with evidence for both', () => {
    const flags = flagsFor([condition('F20.0', 'Paranoid schizophrenia'), condition('F12.20', 'Cannabis dependence')]);
    expect(flag(flags, 'smi-sud')).toMatchObject({
      severity: 'high',
      statement: 'Co-occurring serious mental illness and substance use disorder.',
    });
    expect(flag(flags, 'smi-sud')?.evidence.map((e) => e.rule)).toEqual(['smi-diagnosis', 'sud-diagnosis']);
  });

  it('raises nothing for a patient with only hypertension', () => {
    expect(flagsFor([condition('I10', 'Essential hypertension')])).toEqual([]);
  });
});
