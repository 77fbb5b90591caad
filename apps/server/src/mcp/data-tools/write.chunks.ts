import { AppError } from '@tableport/contracts';
import { normaliseToolError } from '../tools/tool.errors';

/**
 * Writes items in chunks of `size` (one driver request each), in order. When a chunk fails after
 * others were written, the error says which change sets exist, so the model can undo them.
 */
export async function writeInChunks<Item, Result extends { changeSetId: string | null }>(input: {
  items: readonly Item[];
  size: number;
  write: (chunk: Item[]) => Promise<Result>;
}): Promise<Result[]> {
  const results: Result[] = [];
  for (let start = 0; start < input.items.length; start += input.size) {
    try {
      results.push(await input.write(input.items.slice(start, start + input.size)));
    } catch (error) {
      if (results.length === 0) throw error;
      const failure = normaliseToolError(error);
      const written = results.flatMap((result) => result.changeSetId ?? []);
      throw new AppError({
        code: failure.code,
        message: `${failure.message} (records ${start + 1}-${Math.min(start + input.size, input.items.length)}). The first ${start} records were written, in change sets ${written.join(', ')}; undo_change reverts them.`,
        details: { ...failure.details, writtenChangeSetIds: written },
        cause: error,
      });
    }
  }
  return results;
}
