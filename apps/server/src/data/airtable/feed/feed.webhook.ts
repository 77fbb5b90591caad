import type { AirtableClient, WebhookSpecification } from '@tableport/airtable';
import { AppError } from '@tableport/contracts';
import type { SqlExecutor } from '../../../infra/db';
import { connectionsRepo } from '../connections/connections.repo';

/**
 * Everything a base's feed needs: record data with previous values, field and table changes.
 * No notification URL: Tableport polls payloads by cursor, so it needs no public address.
 */
export const FEED_SPECIFICATION: WebhookSpecification = {
  options: {
    filters: { dataTypes: ['tableData', 'tableFields', 'tableMetadata'] },
    includes: { includePreviousCellValues: true, includePreviousFieldDefinitions: true },
  },
};

/** Creates the base's webhook and records it (cursor 1); a refusal is recorded as the feed's error. */
export async function createFeedWebhook(input: {
  db: SqlExecutor;
  client: AirtableClient;
  baseId: string;
}): Promise<string | undefined> {
  try {
    const created = await input.client.webhooks.create({ baseId: input.baseId, specification: FEED_SPECIFICATION });
    await connectionsRepo.updateFeed(input.db, { baseId: input.baseId, webhookId: created.id, cursor: 1, feedError: null });
    return created.id;
  } catch (error) {
    if (!AppError.isInstance(error) || error.retryable) throw error;
    const feedError = `Airtable refused to create the change feed's webhook: ${error.message}`;
    await connectionsRepo.updateFeed(input.db, { baseId: input.baseId, feedError });
    return undefined;
  }
}
