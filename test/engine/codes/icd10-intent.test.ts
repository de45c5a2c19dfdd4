import { describe, expect, it } from 'vitest';
import { icd10PoisoningIntent } from '../../../src/engine/codes/icd10-intent.ts';
import { isDrugOverdose, isIntentionalSelfHarm } from '../../../src/engine/codes/diagnosis-groups.ts';

const icd = (code: string): fhir4.Coding => ({ system: 'http://hl7.org/fhir/sid/icd-10-cm', code });

describe('ICD-10-CM intent of poisoning, toxic-effect and asphyxiation codes (tabular, chapter 19)', () => {
  it.each([
    ['T43.222A', 'intentional-self-harm'], // SSRI, 6th character
    ['T42.72XA', 'intentional-self-harm'], // antiepileptic/sedative unspecified, 5th character then X
    ['T43.92XA', 'intentional-self-harm'],
    ['T58.02XA', 'intentional-self-harm'], // carbon monoxide from motor vehicle exhaust
    ['T71.162A', 'intentional-self-harm'], // hanging
    ['T40.2X1A', 'accidental'],
    ['T40.4X3D', 'assault'],
    ['T40.604S', 'undetermined'],
    ['T43.225A', 'adverse-effect'],
    ['T42.76XA', 'underdosing'],
    ['t4272xa', 'intentional-self-harm'], // dot-less, lower case
    ['T43.222', 'intentional-self-harm'], // no 7th-character extension
  ])('reads %s as %s', (code, intent) => {
    expect(icd10PoisoningIntent(icd(code))).toBe(intent);
  });

  it.each(['T43.22', 'T43.2', 'T40', 'T42.7', 'F32.9', 'T14.91XA', 'T66.XXXA', 'T43.222Z'])(
    'reads no intent from %s (too short, another chapter or malformed)',
    (code) => {
      expect(icd10PoisoningIntent(icd(code))).toBeUndefined();
    },
  );

  it('reads no intent from a SNOMED code or a coding without a system', () => {
    expect(icd10PoisoningIntent({ system: 'http://snomed.info/sct', code: 'T43.222A' })).toBeUndefined();
    expect(icd10PoisoningIntent({ code: 'T43.222A' })).toBeUndefined();
  });
});

describe('intentional self-harm', () => {
  it.each(['T42.72XA', 'T43.92XA', 'T43.222A', 'T71.162A', 'T58.02XA', 'T14.91XA', 'X78.9XXA'])('counts %s', (code) => {
    expect(isIntentionalSelfHarm(icd(code))).toBe(true);
  });
  it.each(['T42.71XA', 'T43.225A', 'T43.22', 'T71.161A', 'R45.851'])('does not count %s', (code) => {
    expect(isIntentionalSelfHarm(icd(code))).toBe(false);
  });
});

describe('drug overdose means poisoning, never adverse effect or underdosing', () => {
  it.each(['T40.2X1A', 'T40.2X2A', 'T40.2X3A', 'T40.2X4A', 'T42.4X1A', 'T43.621A'])('counts %s', (code) => {
    expect(isDrugOverdose(icd(code))).toBe(true);
  });
  it.each(['T40.2X5A', 'T40.2X6A', 'T43.225A', 'T42.76XA', 'T40.2', 'T58.02XA', 'F11.20'])(
    'does not count %s',
    (code) => {
      expect(isDrugOverdose(icd(code))).toBe(false);
    },
  );
  // CDC/CSTE drug overdose definition: every T36–T50 poisoning (drugs, medicaments, biologicals), not T51–T65 toxic effects
  it.each(['T36.0X1A', 'T39.1X1A', 'T39.012A', 'T50.901A', 'T50.904D'])(
    'counts a T36–T50 poisoning outside T40/T42/T43: %s',
    (code) => {
      expect(isDrugOverdose(icd(code))).toBe(true);
    },
  );
  it.each(['T51.0X1A', 'T65.891A', 'T50.905A', 'T36.0X6A'])(
    'does not count a nonmedicinal toxic effect, adverse effect or underdosing: %s',
    (code) => {
      expect(isDrugOverdose(icd(code))).toBe(false);
    },
  );
  it('counts the SNOMED drug overdose concept', () => {
    expect(isDrugOverdose({ system: 'http://snomed.info/sct', code: '55680006' })).toBe(true);
  });
});
