import type Client from 'fhirclient/lib/Client';
import { describe, expect, it } from 'vitest';
import { withUnabortableRefresh } from '../../src/smart/unabortable-refresh.ts';

/** A stand-in for fhirclient's Client recording the order of refresh and request calls. */
function fakeClient(calls: string[]) {
  return {
    refreshIfNeeded: async (options?: unknown) => {
      calls.push(`refresh ${options === undefined ? 'without signal' : 'with options'}`);
    },
    request: async (options: { url: string; signal?: AbortSignal }) => {
      calls.push(`request ${options.url}`);
      return { resourceType: 'Bundle' };
    },
  } as unknown as Client;
}

describe('token refresh outside the request signal', () => {
  it('refreshes without any signal before each request, then sends the request with its own options', async () => {
    const calls: string[] = [];
    const client = withUnabortableRefresh(fakeClient(calls));
    const result = await client.request({ url: 'Condition?patient=p1', signal: new AbortController().signal });
    expect(result).toEqual({ resourceType: 'Bundle' });
    expect(calls).toEqual(['refresh without signal', 'request Condition?patient=p1']);
  });

  it('wraps a client only once', async () => {
    const calls: string[] = [];
    const client = withUnabortableRefresh(withUnabortableRefresh(fakeClient(calls)));
    await client.request('Patient/p1');
    expect(calls.filter((c) => c.startsWith('refresh'))).toHaveLength(1);
  });
});
