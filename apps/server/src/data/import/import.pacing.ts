import { AppError } from '@tableport/contracts';
import type { AirtableInterceptor } from '@tableport/airtable';

/** Airtable's lockout after a 429. */
const LOCKOUT_MS = 30_000;
const MAX_RETRIES = 4;

/**
 * Keeps an import within Airtable's limits: one request every 210 ms (DESIGN.md: capacity 1, no
 * burst), a 429 waits out the 30 s lockout, a 5xx backs off 1, 2, 4, 8 s; then the error stands.
 */
export function importPacing(options: { sleep?: (ms: number) => Promise<void>; intervalMs?: number } = {}): AirtableInterceptor {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const interval = options.intervalMs ?? 210;
  let nextAt = 0;
  return async (request, next) => {
    for (let attempt = 0; ; attempt++) {
      const wait = nextAt - Date.now();
      nextAt = Math.max(Date.now(), nextAt) + interval;
      if (wait > 0) await sleep(wait);
      try {
        return await next(request);
      } catch (error) {
        const code = AppError.isInstance(error) ? error.code : '';
        const retryable = code === 'airtable.rate_limited' || (code === 'airtable.server_error' && request.idempotent);
        if (!retryable || attempt >= MAX_RETRIES) throw error;
        await sleep(code === 'airtable.rate_limited' ? LOCKOUT_MS : 1000 * 2 ** attempt);
      }
    }
  };
}
