import type { AirtableClient } from '@tableport/airtable';

/**
 * Proves the token reaches the base (its schema is readable) and finds the base's name among the
 * token's bases. Airtable's own error (401, 403) comes back to the caller as it is.
 */
export async function verifyBase(input: { client: AirtableClient; baseId: string }): Promise<string> {
  await input.client.meta.getBaseSchema({ baseId: input.baseId });
  let offset: string | undefined;
  do {
    const page = await input.client.meta.listBases(offset === undefined ? {} : { offset });
    const found = page.bases.find((base) => base.id === input.baseId);
    if (found) return found.name;
    offset = page.offset;
  } while (offset !== undefined);
  return input.baseId;
}
