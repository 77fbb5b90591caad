/** Why a status endpoint could not be read: no answer, an unexpected HTTP status, or a bad body. */
export type StatusFetchErrorKind = 'unreachable' | 'http' | 'invalid';

/**
 * The one error the status endpoints' fetchers throw. Callers switch on `kind`, which survives
 * bundling and realms where `instanceof` would not.
 */
export class StatusFetchError extends Error {
  override readonly name = 'StatusFetchError';
  readonly kind: StatusFetchErrorKind;
  readonly httpStatus: number | undefined;

  constructor(options: {
    kind: StatusFetchErrorKind;
    message: string;
    httpStatus?: number;
    cause?: unknown;
  }) {
    super(options.message, { cause: options.cause });
    this.kind = options.kind;
    this.httpStatus = options.httpStatus;
  }

  /** True for any StatusFetchError, recognised by its name and kind rather than by class. */
  static isInstance(value: unknown): value is StatusFetchError {
    return value instanceof Error && value.name === 'StatusFetchError' && 'kind' in value;
  }
}

/** How long a status request may take before the server counts as unreachable. */
export const statusRequestTimeoutMs = 4000;

/** fetch() that turns network failures and timeouts into `StatusFetchError('unreachable')`. */
export async function fetchStatusEndpoint(options: {
  path: string;
  accept: string;
  signal: AbortSignal | undefined;
}): Promise<Response> {
  const timeout = AbortSignal.timeout(statusRequestTimeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    return await fetch(options.path, { headers: { accept: options.accept }, signal, cache: 'no-store' });
  } catch (cause) {
    if (options.signal?.aborted) throw cause; // cancelled by the caller, not a failure
    const message = timeout.aborted
      ? `The server did not answer ${options.path} within ${statusRequestTimeoutMs / 1000} s.`
      : `The request for ${options.path} failed without an answer: the server is down or the network is unreachable.`;
    throw new StatusFetchError({ kind: 'unreachable', message, cause });
  }
}

/**
 * 502 and 504 come from a proxy in front of the server (Vite's dev proxy, a load balancer) when
 * the server itself does not answer, so they count as unreachable.
 */
export function throwIfGatewayError(response: Response, path: string): void {
  if (response.status !== 502 && response.status !== 504) return;
  throw new StatusFetchError({
    kind: 'unreachable',
    httpStatus: response.status,
    message: `A proxy answered ${path} with HTTP ${response.status}: the Tableport server behind it did not answer.`,
  });
}
