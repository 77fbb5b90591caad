import { z } from 'zod/mini';
import { fetchStatusEndpoint, StatusFetchError, throwIfGatewayError } from './status-fetch';

// Tolerant schemas: the server may add fields, and the page should still show what it knows.
// zod/mini keeps the bundle small: classic zod added 85 KB of minified JavaScript here.
const checkSchema = z.looseObject({
  status: z.string(),
  latencyMs: z.optional(z.number()),
  detail: z.optional(z.string()),
  error: z.optional(z.string()),
});

const readinessSchema = z.looseObject({
  status: z.string(),
  /** Why the server is not ready when no check explains it (`shutting down`). */
  reason: z.optional(z.string()),
  version: z.optional(z.string()),
  commit: z.optional(z.string()),
  role: z.optional(z.string()),
  uptimeSeconds: z.optional(z.number()),
  checks: z._default(z.record(z.string(), checkSchema), {}),
});

/** One dependency check of `/readyz`: `up` with its latency, or `down` with an error. */
export type ReadinessCheck = z.infer<typeof checkSchema>;

/** The body of `/readyz`. */
export type Readiness = z.infer<typeof readinessSchema>;

/** A reading of `/readyz`: 200 means ready, 503 not ready; both carry the checks. */
export interface ReadinessReading {
  httpStatus: number;
  readiness: Readiness;
  fetchedAtMs: number;
}

/** Reads `/readyz`. Throws StatusFetchError when there is no usable answer. */
export async function fetchReadiness(options: { signal?: AbortSignal } = {}): Promise<ReadinessReading> {
  const response = await fetchStatusEndpoint({
    path: '/readyz',
    accept: 'application/json',
    signal: options.signal,
  });
  throwIfGatewayError(response, '/readyz');
  if (response.status !== 200 && response.status !== 503) {
    throw new StatusFetchError({
      kind: 'http',
      httpStatus: response.status,
      message: `/readyz answered HTTP ${response.status}.`,
    });
  }
  const parsed = readinessSchema.safeParse(await readJson(response));
  if (!parsed.success && response.status === 503) {
    // A 503 without our body comes from a proxy or load balancer, not from Tableport.
    throw new StatusFetchError({
      kind: 'unreachable',
      httpStatus: 503,
      message: 'A proxy answered /readyz with HTTP 503: the Tableport server behind it did not answer.',
    });
  }
  if (!parsed.success) {
    throw new StatusFetchError({
      kind: 'invalid',
      httpStatus: response.status,
      message: '/readyz answered with a body this page does not understand.',
      cause: parsed.error,
    });
  }
  return { httpStatus: response.status, readiness: parsed.data, fetchedAtMs: Date.now() };
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined; // not JSON: the schema reports it
  }
}
