import { describe, expect, it } from 'vitest';
import {
  FhirHttpError,
  operationOutcomeText,
  parseRetryAfter,
  toFhirHttpError,
} from '../../src/fhir/fhir-http-error.ts';
import { isRetryable, retryDelayMs, withRetry } from '../../src/fhir/retry-policy.ts';

const NOW = Date.parse('2026-03-02T12:00:00Z');

/** A failing attempt sequence: each call returns or throws the next scripted outcome. */
function scripted<T>(outcomes: Array<T | FhirHttpError>) {
  let calls = 0;
  return {
    attempt: async () => {
      const next = outcomes[calls++];
      if (next instanceof FhirHttpError) {
        throw next;
      }
      return next as T;
    },
    calls: () => calls,
  };
}

describe('Retry-After parsing', () => {
  it('reads delay-seconds', () => expect(parseRetryAfter('2', NOW)).toBe(2000));
  it('reads an HTTP-date relative to now', () =>
    expect(parseRetryAfter('Mon, 02 Mar 2026 12:00:03 GMT', NOW)).toBe(3000));
  it('ignores garbage', () => expect(parseRetryAfter('soon', NOW)).toBeUndefined());
});

describe('retry policy', () => {
  it('retries 429, 500, 503 and network failures but not 400, 403 or 404', () => {
    for (const s of [0, 429, 500, 503]) {
      expect(isRetryable(new FhirHttpError(s, 'x'))).toBe(true);
    }
    for (const s of [400, 401, 403, 404]) {
      expect(isRetryable(new FhirHttpError(s, 'x'))).toBe(false);
    }
  });

  it('waits what Retry-After asks, else doubles from the base delay', () => {
    expect(retryDelayMs(new FhirHttpError(429, 'x', undefined, 1000), 1, 250, 8000)).toBe(1000);
    expect(retryDelayMs(new FhirHttpError(500, 'x'), 1, 250, 8000)).toBe(250);
    expect(retryDelayMs(new FhirHttpError(500, 'x'), 3, 250, 8000)).toBe(1000);
    expect(retryDelayMs(new FhirHttpError(429, 'x', undefined, 60_000), 1, 250, 8000)).toBe(8000);
  });

  it('succeeds on the third attempt after a 500 and a 503, backing off exponentially', async () => {
    const slept: number[] = [];
    const s = scripted([new FhirHttpError(500, 'oops'), new FhirHttpError(503, 'down'), 'bundle']);
    const result = await withRetry(s.attempt, { sleep: async (ms) => void slept.push(ms), baseDelayMs: 100 });
    expect(result).toBe('bundle');
    expect(s.calls()).toBe(3);
    expect(slept).toEqual([100, 200]);
  });

  it('honours Retry-After on a 429 before the retry', async () => {
    const slept: number[] = [];
    const s = scripted([new FhirHttpError(429, 'busy', undefined, 1000), 'ok']);
    await withRetry(s.attempt, { sleep: async (ms) => void slept.push(ms) });
    expect(slept).toEqual([1000]);
  });

  it('gives up after four attempts and throws the last error', async () => {
    const s = scripted(Array.from({ length: 6 }, () => new FhirHttpError(503, 'down')));
    await expect(withRetry(s.attempt, { sleep: async () => {} })).rejects.toMatchObject({ status: 503 });
    expect(s.calls()).toBe(4);
  });

  it('does not retry a 403', async () => {
    const s = scripted([new FhirHttpError(403, 'forbidden'), 'never']);
    await expect(withRetry(s.attempt, { sleep: async () => {} })).rejects.toMatchObject({ status: 403 });
    expect(s.calls()).toBe(1);
  });
});

describe('FHIR HTTP errors', () => {
  it('lifts the OperationOutcome and Retry-After out of a fhirclient HttpError', () => {
    const outcome = {
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'required', diagnostics: 'category is required' }],
    };
    const httpError = {
      status: 400,
      message: `400 Bad Request\nURL: http://x/fhir/Observation\n\n${JSON.stringify(outcome, null, 4)}`,
      response: { headers: new Headers({ 'retry-after': '1' }) },
    };
    const e = toFhirHttpError(httpError, NOW);
    expect(e.status).toBe(400);
    expect(e.outcome?.issue[0]?.diagnostics).toBe('category is required');
    expect(e.retryAfterMs).toBe(1000);
    expect(e.summary).toBe('HTTP 400: category is required');
  });

  it('treats a thrown TypeError from fetch as a network failure (status 0)', () => {
    expect(toFhirHttpError(new TypeError('fetch failed'), NOW).status).toBe(0);
  });

  it('joins every issue of an OperationOutcome', () => {
    expect(
      operationOutcomeText({
        resourceType: 'OperationOutcome',
        issue: [
          { severity: 'warning', code: 'informational', diagnostics: 'results truncated' },
          { severity: 'warning', code: 'processing', details: { text: 'some codes unknown' } },
        ],
      }),
    ).toBe('results truncated; some codes unknown');
  });
});
