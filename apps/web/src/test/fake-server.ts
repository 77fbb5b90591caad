import { vi } from 'vitest';

/** What the fake answers for one path: a response, or a network failure. */
export type FakeAnswer = { status: number; body: unknown; contentType?: string } | 'unreachable';

/**
 * A stand-in for the Tableport server behind `fetch`: answers `/readyz` and `/metrics` from a
 * table that a test can change between refreshes. Unknown paths get a 404.
 */
export function createFakeServer(answers: Record<string, FakeAnswer>) {
  const table = { ...answers };
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const path = pathOf(input);
    const answer = table[path] ?? { status: 404, body: { error: 'not found' } };
    if (init?.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    if (answer === 'unreachable') throw new TypeError('Failed to fetch');
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    const contentType =
      answer.contentType ?? (typeof answer.body === 'string' ? 'text/plain' : 'application/json');
    return new Response(text, { status: answer.status, headers: { 'content-type': contentType } });
  });
  return {
    fetch,
    /** Changes what a path answers from now on. */
    answer(path: string, next: FakeAnswer) {
      table[path] = next;
    },
    /** How many times a path was requested. */
    calls(path: string): number {
      return fetch.mock.calls.filter(([input]) => pathOf(input) === path).length;
    },
  };
}

function pathOf(input: RequestInfo | URL): string {
  const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
  return new URL(url, 'http://localhost').pathname;
}
