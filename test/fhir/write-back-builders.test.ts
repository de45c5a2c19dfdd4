import { describe, expect, it } from 'vitest';
import { WRITE_BACK_IDENTIFIER_SYSTEM, type WriteContext } from '../../src/fhir/write-back.ts';
import { depressionScreeningBatch } from '../../src/fhir/write-back-depression.ts';
import { sdohScreeningBatch } from '../../src/fhir/write-back-sdoh.ts';
import { followUpBatch, followUpValueSet } from '../../src/fhir/write-back-follow-up.ts';

/** Ms. Rivera's visit: encounter in context, a practitioner user, a fixed clock and counter UUIDs. */
function riveraVisit(overrides: Partial<WriteContext> = {}): WriteContext {
  let n = 0;
  return {
    patientId: 'rivera',
    encounterId: 'visit-1',
    fhirUser: 'Practitioner/dr-okafor',
    now: '2026-11-03T14:02:00-05:00',
    newUuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    ...overrides,
  };
}

const positivePhq9 = {
  instrument: 'phq9' as const,
  itemPoints: [2, 2, 2, 2, 1, 1, 1, 1, 2],
  total: 14,
  positive: true,
};

describe('writing a PHQ-9 administered in the panel', () => {
  const batch = depressionScreeningBatch(riveraVisit(), positivePhq9, {
    ageGroup: 'adult',
    includeQuestionnaireResponse: true,
  });
  const observations = batch.creates
    .map((c) => c.resource)
    .filter((r): r is fhir4.Observation => r.resourceType === 'Observation');

  it('writes the total, the CMS2 result, nine item answers and a QuestionnaireResponse', () => {
    expect(observations).toHaveLength(11);
    expect(batch.creates.at(-1)?.resource.resourceType).toBe('QuestionnaireResponse');
  });
  it('codes the total as LOINC 44261-6 with the score as a quantity', () => {
    const total = observations[0]!;
    expect(total.code.coding?.[0]).toMatchObject({ system: 'http://loinc.org', code: '44261-6' });
    expect(total.valueQuantity?.value).toBe(14);
  });
  it('records a positive adult screen as 73832-8 valued with SNOMED 428181000124104', () => {
    const result = observations[1]!;
    expect(result.code.coding?.[0]?.code).toBe('73832-8');
    expect(result.valueCodeableConcept?.coding?.[0]).toMatchObject({
      system: 'http://snomed.info/sct',
      code: '428181000124104',
    });
  });
  it('codes item 9 answered "more than half the days" as 44260-8 = LA6570-1', () => {
    const item9 = observations.find((o) => o.code.coding?.[0]?.code === '44260-8');
    expect(item9?.valueCodeableConcept?.coding?.[0]?.code).toBe('LA6570-1');
  });
  it('gives every Observation category survey, status final, subject, encounter, performer and effective time', () => {
    for (const o of observations) {
      expect(o.status).toBe('final');
      expect(o.category?.[0]?.coding?.[0]).toMatchObject({ code: 'survey' });
      expect(o.subject).toEqual({ reference: 'Patient/rivera' });
      expect(o.encounter).toEqual({ reference: 'Encounter/visit-1' });
      expect(o.performer).toEqual([{ reference: 'Practitioner/dr-okafor' }]);
      expect(o.effectiveDateTime).toBe('2026-11-03T14:02:00-05:00');
    }
  });
  it('gives every resource its own client identifier and the matching If-None-Exist criterion', () => {
    const values = new Set<string>();
    for (const c of batch.creates) {
      const id = Array.isArray((c.resource as fhir4.Observation).identifier)
        ? (c.resource as fhir4.Observation).identifier![0]!
        : (c.resource as fhir4.QuestionnaireResponse).identifier!;
      expect(id.system).toBe(WRITE_BACK_IDENTIFIER_SYSTEM);
      expect(id.value).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(c.ifNoneExist).toBe(`identifier=${WRITE_BACK_IDENTIFIER_SYSTEM}|${id.value}`);
      values.add(id.value!);
    }
    expect(values.size).toBe(batch.creates.length);
  });
  it('uses the LOINC PHQ-9 form as the QuestionnaireResponse questionnaire', () => {
    const qr = batch.creates.at(-1)!.resource as fhir4.QuestionnaireResponse;
    expect(qr.questionnaire).toBe('http://loinc.org/q/44249-1');
    expect(qr.item).toHaveLength(10);
    expect(qr.author).toEqual({ reference: 'Practitioner/dr-okafor' });
  });
});

describe('writing a negative PHQ-2 for an adolescent outside an encounter', () => {
  const batch = depressionScreeningBatch(
    riveraVisit({ encounterId: undefined, fhirUser: undefined }),
    { instrument: 'phq2', itemPoints: [1, 0], total: 1, positive: false },
    { ageGroup: 'adolescent', includeQuestionnaireResponse: false },
  );
  const [total, result] = batch.creates.map((c) => c.resource as fhir4.Observation);
  it('codes the PHQ-2 total as 55758-7', () => expect(total?.code.coding?.[0]?.code).toBe('55758-7'));
  it('records the adolescent result 73831-0 negative (428171000124102)', () => {
    expect(result?.code.coding?.[0]?.code).toBe('73831-0');
    expect(result?.valueCodeableConcept?.coding?.[0]?.code).toBe('428171000124102');
  });
  it('leaves out encounter and performer when the launch has none, and writes no QuestionnaireResponse', () => {
    expect(result).not.toHaveProperty('encounter');
    expect(result).not.toHaveProperty('performer');
    expect(batch.creates.every((c) => c.resource.resourceType === 'Observation')).toBe(true);
  });
});

describe('writing an SDOH screening with a food-insecurity positive', () => {
  const batch = sdohScreeningBatch(
    riveraVisit(),
    [
      {
        question: { system: 'http://loinc.org', code: '88122-7', display: 'Worried food would run out' },
        domainCategory: 'food-insecurity',
        answers: [{ system: 'http://loinc.org', code: 'LA28397-0', display: 'Often true' }],
      },
      {
        question: { system: 'http://loinc.org', code: '96778-6', display: 'Problems with place' },
        domainCategory: 'inadequate-housing',
        answers: [
          { system: 'http://loinc.org', code: 'LA31996-4', display: 'Pests' },
          { system: 'http://loinc.org', code: 'LA28580-1', display: 'Mold' },
        ],
      },
      {
        question: { system: 'http://loinc.org', code: '95614-4', display: 'Total score [HITS]' },
        domainCategory: 'intimate-partner-violence',
        score: 6,
      },
      {
        question: { system: 'http://loinc.org', code: '93030-5', display: 'Transportation' },
        domainCategory: 'transportation-insecurity',
        answers: [],
      },
    ],
    false,
  );
  const obs = batch.creates.map((c) => c.resource as fhir4.Observation);
  it('writes one Observation per selected answer and none for an unanswered question', () => {
    expect(obs.map((o) => o.code.coding?.[0]?.code)).toEqual(['88122-7', '96778-6', '96778-6', '95614-4']);
  });
  it('categorises SDOH answers as social-history and survey with the SDOHCC domain', () => {
    expect(obs[0]?.category?.map((c) => c.coding?.[0]?.code)).toEqual(['social-history', 'survey', 'food-insecurity']);
  });
  it('values the food answer with its LOINC answer code and the HITS total as a score', () => {
    expect(obs[0]?.valueCodeableConcept?.coding?.[0]?.code).toBe('LA28397-0');
    expect(obs[3]?.valueQuantity?.value).toBe(6);
  });
});

describe('documenting a follow-up plan for a positive screen', () => {
  it('writes a referral to a psychologist as an active ServiceRequest authored now, in the encounter', () => {
    const code = followUpValueSet('referral', 'adult').codes.find(([, c]) => c === '308459004')!;
    const batch = followUpBatch(riveraVisit(), {
      kind: 'referral',
      code: { system: code[0], code: code[1], display: code[2] },
    });
    const sr = batch.creates[0]!.resource as fhir4.ServiceRequest;
    expect(sr).toMatchObject({
      resourceType: 'ServiceRequest',
      status: 'active',
      intent: 'order',
      authoredOn: '2026-11-03T14:02:00-05:00',
    });
    expect(sr.encounter).toEqual({ reference: 'Encounter/visit-1' });
    expect(sr.requester).toEqual({ reference: 'Practitioner/dr-okafor' });
    expect(sr.code?.coding?.[0]?.code).toBe('308459004');
  });
  it('writes CBT as a completed Procedure performed now', () => {
    const code = followUpValueSet('procedure', 'adult').codes.find(([, c]) => c === '228557008')!;
    const batch = followUpBatch(riveraVisit(), {
      kind: 'procedure',
      code: { system: code[0], code: code[1], display: code[2] },
    });
    const p = batch.creates[0]!.resource as fhir4.Procedure;
    expect(p).toMatchObject({
      resourceType: 'Procedure',
      status: 'completed',
      performedDateTime: '2026-11-03T14:02:00-05:00',
    });
    expect(p.performer).toEqual([{ actor: { reference: 'Practitioner/dr-okafor' } }]);
  });
  it('offers the adolescent referral value set for adolescents', () => {
    expect(followUpValueSet('referral', 'adolescent').oid).toBe('2.16.840.1.113883.3.526.3.1570');
  });
});

describe('what a batch attaches to', () => {
  const visit = { reference: 'Encounter/visit-1', type: 'Office visit', date: '2026-11-03', open: true };
  it('names the encounter in context, the visit as the app read it, and the dateTime every resource carries', () => {
    const batch = depressionScreeningBatch(riveraVisit({ visit }), positivePhq9, {
      ageGroup: 'adult',
      includeQuestionnaireResponse: false,
    });
    expect(batch.attachedTo).toEqual({
      encounter: 'Encounter/visit-1',
      visit,
      recordedAt: '2026-11-03T14:02:00-05:00',
    });
    for (const c of batch.creates) {
      expect((c.resource as fhir4.Observation).encounter?.reference).toBe('Encounter/visit-1');
    }
  });
  it('says no visit when the launch carried none (and ignores a visit description of another encounter)', () => {
    const { encounterId: _e, ...noEncounter } = riveraVisit({ visit });
    expect(sdohScreeningBatch(noEncounter, [], false).attachedTo).toEqual({ recordedAt: '2026-11-03T14:02:00-05:00' });
    expect(
      sdohScreeningBatch(riveraVisit({ visit: { ...visit, reference: 'Encounter/other' } }), [], false).attachedTo,
    ).toEqual({ encounter: 'Encounter/visit-1', recordedAt: '2026-11-03T14:02:00-05:00' });
  });
});
