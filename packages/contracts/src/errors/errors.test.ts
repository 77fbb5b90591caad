import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError, toAppError } from './app-error';
import { renderErrorsDoc } from './errors-doc';
import { ERROR_CODES } from './registry';

describe('error codes', () => {
  it('docs/errors.md is in sync with the registry (run `npm run docs:errors`)', () => {
    const onDisk = readFileSync(new URL('../../../../docs/errors.md', import.meta.url), 'utf8');
    expect(onDisk).toBe(renderErrorsDoc());
  });

  it('every code is lower-case dotted and has a sane status', () => {
    for (const [code, spec] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/);
      expect(spec.status).toBeGreaterThanOrEqual(400);
      expect(spec.status).toBeLessThan(600);
      expect(spec.description.length).toBeGreaterThan(10);
    }
  });

  it('AppError is recognised by brand, not instanceof', () => {
    const error = new AppError({ code: 'request.invalid', message: 'bad', details: { field: 'x' } });
    const lookalike = Object.assign(Object.create(null) as object, {
      [Symbol.for('tableport.AppError')]: true,
    });
    expect(AppError.isInstance(error)).toBe(true);
    expect(AppError.isInstance(lookalike)).toBe(true);
    expect(AppError.isInstance(new Error('x'))).toBe(false);
    expect(error.status).toBe(400);
    expect(error.toJSON()).toEqual({ code: 'request.invalid', message: 'bad', details: { field: 'x' } });
  });

  it('toAppError wraps unknown errors as internal.unexpected and keeps the cause', () => {
    const cause = new TypeError('boom');
    const wrapped = toAppError(cause);
    expect(wrapped.code).toBe('internal.unexpected');
    expect(wrapped.cause).toBe(cause);
    expect(wrapped.fault).toBe('bug');
  });
});
