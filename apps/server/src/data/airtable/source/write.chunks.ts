import { chunk } from '@tableport/airtable';
import { AppError } from '@tableport/contracts';

/**
 * Sends a write of any length as Airtable's requests of at most 10, all at once (the scheduler
 * paces them and merges lone records with other callers'). Airtable is atomic per request only:
 * when some requests fail, the others still happened, so `onWritten` journals what was written
 * before the first error is thrown, with how much got through.
 */
export async function writeInChunks<Item, Result>(input: {
  items: readonly Item[];
  send: (items: Item[]) => Promise<Result[]>;
  onWritten: (results: Result[]) => Promise<void>;
}): Promise<Result[]> {
  const settled = await Promise.allSettled(chunk(input.items).map((items) => input.send(items)));
  const written = settled.flatMap((outcome) => (outcome.status === 'fulfilled' ? outcome.value : []));
  if (written.length > 0) await input.onWritten(written);
  const failure = settled.find((outcome) => outcome.status === 'rejected');
  if (!failure) return written;
  const reason: unknown = failure.reason;
  if (written.length === 0) throw reason;
  const error = AppError.isInstance(reason) ? reason : undefined;
  throw new AppError({
    code: error?.code ?? 'internal.unexpected',
    message: `${error?.message ?? 'A write failed'} (${written.length} of ${input.items.length} records were written)`,
    details: { ...error?.details, writtenCount: written.length, requestedCount: input.items.length },
    cause: reason,
  });
}
