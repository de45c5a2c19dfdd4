import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { submitErrorText, submitWriteBatch, type WriteContext } from '../../src/fhir/write-back.ts';
import { depressionScreeningBatch } from '../../src/fhir/write-back-depression.ts';
import { ORIGIN, clientFor, sandboxHarness } from './sandbox-harness.ts';

const h = sandboxHarness();
beforeAll(() => h.server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => h.sandbox.reset());
afterEach(() => h.server.resetHandlers());
afterAll(() => h.server.close());

/** Marcus Bell ("screen-due") seen today; counter UUIDs so the batch is reproducible. */
function bellVisit(patientId = 'screen-due'): WriteContext {
  let n = 0;
  return {
    patientId,
    fhirUser: 'Practitioner/dr-okafor',
    now: '2026-03-02T10:30:00Z',
    newUuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  };
}

const phq9 = { instrument: 'phq9' as const, itemPoints: [2, 2, 2, 2, 1, 1, 1, 1, 0], total: 12, positive: true };

describe('submitting a write-back batch to the EHR', () => {
  it('creates the total, the CMS2 result and the nine answers, each once', async () => {
    const { client } = clientFor(h.sandbox, 'screen-due');
    const batch = depressionScreeningBatch(bellVisit(), phq9, {
      ageGroup: 'adult',
      includeQuestionnaireResponse: true,
    });
    const result = await submitWriteBatch(client, batch);
    expect(result.ok).toBe(true);
    expect(h.sandbox.created()).toHaveLength(12);
    expect(
      result.outcomes.every(
        (o) => o.reference?.startsWith('Observation/') || o.reference?.startsWith('QuestionnaireResponse/'),
      ),
    ).toBe(true);
  });

  it('sends If-None-Exist with the client identifier on every create', async () => {
    const { client } = clientFor(h.sandbox, 'screen-due');
    const headers: string[] = [];
    const listen = ({ request }: { request: Request }) => {
      if (request.method === 'POST') {
        headers.push(request.headers.get('If-None-Exist') ?? '');
      }
    };
    h.server.events.on('request:start', listen);
    const batch = depressionScreeningBatch(bellVisit(), phq9, {
      ageGroup: 'adult',
      includeQuestionnaireResponse: false,
    });
    await submitWriteBatch(client, batch);
    h.server.events.removeListener('request:start', listen);
    expect(headers).toEqual(batch.creates.map((c) => c.ifNoneExist));
    expect(headers[0]).toMatch(/^identifier=urn:ietf:rfc:3986\|urn:uuid:00000000-0000-4000-8000-0000000000\d\d$/);
  });

  it('never applies a retried batch twice (conditional create returns the existing resources)', async () => {
    const { client } = clientFor(h.sandbox, 'screen-due');
    const batch = depressionScreeningBatch(bellVisit(), phq9, {
      ageGroup: 'adult',
      includeQuestionnaireResponse: false,
    });
    const first = await submitWriteBatch(client, batch);
    const second = await submitWriteBatch(client, batch);
    expect(second.ok).toBe(true);
    expect(h.sandbox.created()).toHaveLength(11);
    expect(second.outcomes.map((o) => o.reference)).toEqual(first.outcomes.map((o) => o.reference));
  });

  it('completes a batch that failed half-way on the retry, without duplicating the part already written', async () => {
    const { client } = clientFor(h.sandbox, 'screen-due');
    const batch = depressionScreeningBatch(bellVisit(), phq9, {
      ageGroup: 'adult',
      includeQuestionnaireResponse: false,
    });
    let posts = 0;
    h.use(
      http.post(`${ORIGIN}/fhir/Observation`, () => {
        posts += 1;
        if (posts === 3) {
          return HttpResponse.json(
            {
              resourceType: 'OperationOutcome',
              issue: [{ severity: 'error', code: 'transient', diagnostics: 'Database busy' }],
            },
            { status: 503 },
          );
        }
        return undefined; // fall through to the sandbox
      }),
    );
    const failed = await submitWriteBatch(client, batch);
    expect(failed.ok).toBe(false);
    expect(h.sandbox.created()).toHaveLength(2);
    expect(submitErrorText(failed)).toContain('Database busy');
    const retried = await submitWriteBatch(client, batch);
    expect(retried.ok).toBe(true);
    expect(h.sandbox.created()).toHaveLength(11);
  });

  it('gives up on a create the EHR applied but never answered, keeps the batch, and the retry writes nothing twice', async () => {
    const { client } = clientFor(h.sandbox, 'screen-due');
    const batch = depressionScreeningBatch(bellVisit(), phq9, {
      ageGroup: 'adult',
      includeQuestionnaireResponse: false,
    });
    let posts = 0;
    h.use(
      http.post(`${ORIGIN}/fhir/Observation`, async ({ request }) => {
        posts += 1;
        if (posts !== 2) {
          return undefined;
        } // fall through to the sandbox
        await h.sandbox.handle(request.clone()); // the EHR applies the create …
        await new Promise((resolve) => setTimeout(resolve, 1_000)); // … and answers too late
        return HttpResponse.json({ resourceType: 'OperationOutcome', issue: [] }, { status: 504 });
      }),
    );
    const timedOut = await submitWriteBatch(client, batch, Date.now, 200);
    expect(timedOut.ok).toBe(false);
    expect(submitErrorText(timedOut)).toContain('did not answer within');
    expect(h.sandbox.created()).toHaveLength(2);
    h.server.resetHandlers();
    const retried = await submitWriteBatch(client, batch);
    expect(retried.ok).toBe(true);
    expect(h.sandbox.created()).toHaveLength(11);
  });

  it("shows the server's OperationOutcome when the EHR refuses a resource for another patient", async () => {
    const { client } = clientFor(h.sandbox, 'screen-due');
    const result = await submitWriteBatch(
      client,
      depressionScreeningBatch(bellVisit('screened-negative'), phq9, {
        ageGroup: 'adult',
        includeQuestionnaireResponse: false,
      }),
    );
    expect(result.ok).toBe(false);
    expect(result.outcomes.filter((o) => !o.ok)).toHaveLength(11); // stops at the first failure
    expect(submitErrorText(result)).toMatch(
      /PHQ-9 total score: 12 could not be saved — HTTP 400: .*token is for Patient\/screen-due/,
    );
    expect(h.sandbox.created()).toHaveLength(0);
  });
});
