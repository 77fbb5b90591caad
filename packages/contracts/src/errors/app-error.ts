import type { ErrorCodeSpec, ErrorFault } from './error-spec';
import { ERROR_CODES, type ErrorCode } from './registry';

const BRAND = Symbol.for('tableport.AppError');

/** Constructor input of {@link AppError}. */
export interface AppErrorInit {
  code: ErrorCode;
  message: string;
  /** JSON-safe context a caller can act on (never secrets). */
  details?: Record<string, unknown>;
  cause?: unknown;
}

/** The one error type of Tableport: a stable code, plus status, fault and retryability from the registry. */
export class AppError extends Error {
  readonly [BRAND] = true;
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(init: AppErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'AppError';
    this.code = init.code;
    this.details = init.details;
  }

  /** Recognises an AppError by brand, across package copies (never `instanceof`). */
  static isInstance(value: unknown): value is AppError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  get spec(): ErrorCodeSpec {
    return ERROR_CODES[this.code];
  }
  get status(): number {
    return this.spec.status;
  }
  get fault(): ErrorFault {
    return this.spec.fault;
  }
  get retryable(): boolean {
    return this.spec.retryable;
  }

  /** The public JSON form (no stack, no cause). */
  toJSON(): { code: ErrorCode; message: string; details?: Record<string, unknown> } {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** Wraps anything thrown into an AppError; unknown errors become `internal.unexpected`. */
export function toAppError(error: unknown): AppError {
  if (AppError.isInstance(error)) return error;
  return new AppError({ code: 'internal.unexpected', message: 'Unexpected error', cause: error });
}
