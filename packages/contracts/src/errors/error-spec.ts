/** Who is at fault when an error happens: the caller, the environment, or our code. */
export type ErrorFault = 'user' | 'operational' | 'bug';

/** The fixed properties of one stable error code. */
export interface ErrorCodeSpec {
  /** HTTP status the gateway answers with. */
  readonly status: number;
  readonly fault: ErrorFault;
  /** Whether repeating the same request can succeed. */
  readonly retryable: boolean;
  /** One line for docs/errors.md: when this error happens and what to do. */
  readonly description: string;
  /** Airtable's `error.type` (and status) when the error crosses the `/v0` API. */
  readonly airtable?: { readonly type: string; readonly status: number };
}

/** Declares a group of error codes; keeps literal keys for the `ErrorCode` union. */
export function defineErrorCodes<const T extends Record<string, ErrorCodeSpec>>(codes: T): T {
  return codes;
}
