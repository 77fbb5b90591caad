import { AppError } from '@tableport/contracts';

/**
 * Creates items in batches. A batch the caller's data refuses (a user-fault error) is retried item by
 * item, so one bad row is reported and the others still land. Returns each item's new id (undefined
 * when refused), in input order; other errors stop the run.
 */
export async function createInBatches<T>(options: {
  items: readonly T[];
  size: number;
  create: (batch: readonly T[]) => Promise<string[]>;
  rejected: (item: T, error: AppError) => void;
}): Promise<(string | undefined)[]> {
  const ids: (string | undefined)[] = [];
  const refused = (error: unknown): error is AppError => AppError.isInstance(error) && error.fault === 'user';
  for (let start = 0; start < options.items.length; start += options.size) {
    const batch = options.items.slice(start, start + options.size);
    try {
      ids.push(...(await options.create(batch)));
    } catch (error) {
      if (!refused(error)) throw error;
      for (const item of batch) {
        try {
          ids.push(...(await options.create([item])));
        } catch (itemError) {
          if (!refused(itemError)) throw itemError;
          options.rejected(item, itemError);
          ids.push(undefined);
        }
      }
    }
  }
  return ids;
}
