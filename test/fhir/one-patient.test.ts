/**
 * One patient, end to end (issue #14 §1): the record must be the launch's patient. A server or a
 * proxy answering the patient's reads with another person's data is refused as a whole
 * (PatientMismatchError), whatever form the references take; resources that name no patient are fine.
 */
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fetchPatientRecord } from '../../src/fhir/fetch-patient-record.ts';
import { PatientMismatchError, resolveSubject, subjectMismatches } from '../../src/fhir/patient-identity.ts';
import { parseGrantedScopes, requestedScopes } from '../../src/smart/scopes.ts';
import { ServerQuirks } from '../../src/fhir/server-quirks.ts';
import { ORIGIN, clientFor, sandboxHarness } from './sandbox-harness.ts';

const h = sandboxHarness();
beforeAll(() => h.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => h.server.resetHandlers());
afterAll(() => h.server.close());

const BASE = `${ORIGIN}/fhir`;
const fast = { sleep: async () => undefined };

describe('resolving the patient a resource names', () => {
  const aliases = new Map([
    ['urn:uuid:7f1c2d9e-0000-4000-8000-000000000001', 'Patient/p1'],
    ['urn:uuid:7f1c2d9e-0000-4000-8000-000000000002', 'Patient/p2'],
  ]);
  it('reads relative, versioned, absolute-on-this-base and urn:uuid references', () => {
    expect(resolveSubject('Patient/p1', BASE)).toEqual({ kind: 'patient', id: 'p1' });
    expect(resolveSubject('Patient/p1/_history/3', BASE)).toEqual({ kind: 'patient', id: 'p1' });
    expect(resolveSubject(`${BASE}/Patient/p1`, BASE)).toEqual({ kind: 'patient', id: 'p1' });
    expect(resolveSubject(`${BASE}/Patient/p1/_history/2`, `${BASE}/`)).toEqual({ kind: 'patient', id: 'p1' });
    expect(resolveSubject('urn:uuid:7f1c2d9e-0000-4000-8000-000000000001', BASE, aliases)).toEqual({
      kind: 'patient',
      id: 'p1',
    });
  });
  it('an absolute reference to another server names another patient, even with the same id', () => {
    expect(resolveSubject('https://other.example/fhir/Patient/p1', BASE)).toEqual({
      kind: 'patient',
      id: 'p1',
      foreign: true,
    });
    expect(resolveSubject(`${ORIGIN}/fhir-b/Patient/p1`, BASE)).toMatchObject({ foreign: true });
  });
  it('cannot confirm an unresolved urn:uuid, a contained subject or junk', () => {
    expect(resolveSubject('urn:uuid:0000', BASE, aliases).kind).toBe('unresolved');
    expect(resolveSubject('#p1', BASE).kind).toBe('unresolved');
    expect(resolveSubject('Patient/', BASE).kind).toBe('unresolved');
  });
  it('other subject types are not patients', () => {
    expect(resolveSubject('Group/attributed', BASE)).toEqual({ kind: 'other-type' });
  });
});

describe('which resources are a mismatch', () => {
  const obs = (subject: fhir4.Reference | undefined): fhir4.Observation => ({
    resourceType: 'Observation',
    id: 'o1',
    status: 'final',
    code: {},
    ...(subject ? { subject } : {}),
  });
  it('a resource naming another patient (subject or patient element) is one', () => {
    expect(subjectMismatches(obs({ reference: 'Patient/p2' }), 'p1', BASE)).toEqual([
      { resourceType: 'Observation', id: 'o1', field: 'subject', names: 'Patient/p2' },
    ]);
    const allergy = {
      resourceType: 'AllergyIntolerance',
      id: 'a1',
      patient: { reference: 'urn:uuid:7f1c2d9e-0000-4000-8000-000000000002' },
    } as fhir4.Resource;
    const aliases = new Map([['urn:uuid:7f1c2d9e-0000-4000-8000-000000000002', 'Patient/p2']]);
    expect(subjectMismatches(allergy, 'p1', BASE, aliases)[0]).toMatchObject({ field: 'patient', names: 'Patient/p2' });
  });
  it('this patient in any form, no patient at all (Medication), identifier-only or a Group subject are not', () => {
    expect(subjectMismatches(obs({ reference: 'Patient/p1' }), 'p1', BASE)).toEqual([]);
    expect(subjectMismatches(obs({ reference: `${BASE}/Patient/p1` }), 'p1', BASE)).toEqual([]);
    expect(subjectMismatches(obs(undefined), 'p1', BASE)).toEqual([]);
    expect(subjectMismatches({ resourceType: 'Medication', id: 'm1' } as fhir4.Medication, 'p1', BASE)).toEqual([]);
    expect(subjectMismatches(obs({ identifier: { system: 'urn:mrn', value: '123' } }), 'p1', BASE)).toEqual([]);
    expect(subjectMismatches(obs({ reference: 'Group/g1' }), 'p1', BASE)).toEqual([]);
  });
});

describe('a server answering with another patient’s data', () => {
  const scope = requestedScopes('ehr', 'v2');
  const victim = 'screened-negative';
  const other = 'sdoh-food-positive';

  it('refuses the record when the Patient read returns someone else', async () => {
    const { client, scope: granted } = clientFor(h.sandbox, victim);
    const otherPatient = h.sandbox.resourcesFor(other).find((r) => r.resourceType === 'Patient');
    h.use(http.get(`${BASE}/Patient/${victim}`, () => HttpResponse.json(otherPatient)));
    const error = await fetchPatientRecord(client, parseGrantedScopes(granted), {
      retry: fast,
      quirks: new ServerQuirks(),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PatientMismatchError);
    expect((error as PatientMismatchError).mismatches[0]).toEqual({
      resourceType: 'Patient',
      field: 'id',
      names: `Patient/${other}`,
    });
  });

  it('refuses the record when a proxy answers one search with another patient’s resources', async () => {
    const { client, scope: granted } = clientFor(h.sandbox, victim);
    const otherToken = h.sandbox.issueToken({ patient: other, scope });
    // the proxy: same URL shape, but it asks the EHR for the other patient (with a token of its own)
    h.use(
      http.get(`${BASE}/Observation`, ({ request }) => {
        const url = new URL(request.url);
        url.searchParams.set('patient', other);
        return h.sandbox.handle(new Request(url, { headers: { authorization: `Bearer ${otherToken.access_token}` } }));
      }),
    );
    const error = await fetchPatientRecord(client, parseGrantedScopes(granted), {
      retry: fast,
      quirks: new ServerQuirks(),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PatientMismatchError);
    expect((error as PatientMismatchError).message).toMatch(
      new RegExp(`^Observation/\\S+ subject names Patient/${other}, not Patient/${victim}`),
    );
  });

  it('accepts a search whose references are urn:uuid fullUrls of the same Bundle, Patient included', async () => {
    const { client, scope: granted } = clientFor(h.sandbox, victim);
    h.use(
      http.get(`${BASE}/Encounter`, async ({ request }) => {
        const bundle = (await (await h.sandbox.handle(request)).json()) as fhir4.Bundle;
        const patientUrn = 'urn:uuid:4d0b0f3c-8a38-4d8c-9a51-5b6d1f8a9e01';
        for (const e of bundle.entry ?? []) {
          (e.resource as fhir4.Encounter).subject = { reference: patientUrn };
        }
        bundle.entry = [
          ...(bundle.entry ?? []),
          { fullUrl: patientUrn, resource: { resourceType: 'Patient', id: victim }, search: { mode: 'include' } },
        ];
        return HttpResponse.json(bundle);
      }),
    );
    const { record } = await fetchPatientRecord(client, parseGrantedScopes(granted), {
      retry: fast,
      quirks: new ServerQuirks(),
    });
    expect(record.patient.id).toBe(victim);
    expect(record.resources.Encounter?.length).toBe(h.sandbox.countsFor(victim).Encounter);
  });
});
