import { AppError } from '@tableport/contracts';

/** Airtable accepts at most 10 records per create, update, upsert or delete request. */
export const MAX_RECORDS_PER_WRITE = 10;

/** Splits items into arrays of at most `size` (default 10, Airtable's write limit). */
export function chunk<T>(items: readonly T[], size: number = MAX_RECORDS_PER_WRITE): T[][] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/** Throws `airtable.invalid_batch` unless 1 to 10 records are given; splitting is the caller's job. */
export function assertBatchSize(count: number, operation: string): void {
  if (count >= 1 && count <= MAX_RECORDS_PER_WRITE) return;
  throw new AppError({
    code: 'airtable.invalid_batch',
    message: `${operation} takes 1 to ${MAX_RECORDS_PER_WRITE} records per request, got ${count}; split them with chunk()`,
    details: { limit: MAX_RECORDS_PER_WRITE, received: count },
  });
}
