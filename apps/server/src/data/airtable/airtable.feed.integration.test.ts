import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureBase } from '../../mcp/testing/data-tools.fixture';
import { startDriverPair, type DriverPair } from './testing/driver.fixture';

interface EventRow {
  type: string;
  channel: string;
  record_id: string;
  payload: { before?: Record<string, unknown> | null; after?: Record<string, unknown> | null };
}

const until = async <T>(probe: () => Promise<T | undefined>, what: string): Promise<T> => {
  for (let tries = 0; tries < 150; tries += 1) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
};

// Changes made in Airtable itself reach Tableport through the webhook payload feed (polled, no
// public URL): the same record.* events the store emits, and a fresh cache.
describe('the change feed of a connected base', () => {
  let pair: DriverPair;
  let base: string;
  let titleField: string;

  beforeAll(async () => {
    pair = await startDriverPair();
    base = (await createFixtureBase(pair.upstream, 'Feed')).id;
    await pair.connect(base);
    const schema = await pair.driven('GET', `/v0/meta/bases/${base}/tables`);
    const tasks = (schema.body.tables as Array<{ name: string; fields: Array<{ id: string; name: string }> }>).find((table) => table.name === 'Tasks')!;
    titleField = tasks.fields.find((field) => field.name === 'Title')!.id;
  });
  afterAll(() => pair?.stop());

  const eventsOf = async (recordId: string) =>
    (
      await pair.tableport.app.context.db.query<EventRow>(
        "SELECT type, actor->>'channel' AS channel, payload->>'recordId' AS record_id, payload FROM domain_events WHERE base_id = $1 AND payload->>'recordId' = $2 ORDER BY seq",
        [base, recordId],
      )
    ).rows;
  /** Waits until the feed has read every payload upstream has made so far. */
  const caughtUp = async () => {
    const hooks = (await pair.direct('GET', `/v0/bases/${base}/webhooks`)).body as { webhooks: Array<{ cursorForNextPayload: number }> };
    const target = hooks.webhooks[0]!.cursorForNextPayload;
    await until(async () => {
      const rows = await pair.tableport.app.context.db.query<{ cursor: number }>('SELECT cursor FROM airtable_connections WHERE base_id = $1', [base]);
      return rows.rows[0]!.cursor >= target ? true : undefined;
    }, 'the feed to read every payload');
  };

  it('announces changes made in Airtable as sync events, and drops the stale cache', async () => {
    const before = await pair.driven('GET', `/v0/${base}/Tasks?fields[]=Title`);
    const created = await pair.direct('POST', `/v0/${base}/Tasks`, { fields: { Title: 'Made in Airtable' } });
    const id = created.body.id as string;
    const [event] = await until(async () => {
      const rows = await eventsOf(id);
      return rows.length > 0 ? rows : undefined;
    }, 'the record.created event');
    expect(event).toMatchObject({ type: 'record.created', channel: 'sync', payload: { after: { [titleField]: 'Made in Airtable' } } });
    const after = await pair.driven('GET', `/v0/${base}/Tasks?fields[]=Title`);
    expect(after.body.records).toHaveLength(before.body.records.length + 1);
    await pair.direct('PATCH', `/v0/${base}/Tasks/${id}`, { fields: { Title: 'Renamed in Airtable' } });
    await pair.direct('DELETE', `/v0/${base}/Tasks/${id}`);
    const journal = await until(async () => {
      const rows = await eventsOf(id);
      return rows.length >= 3 ? rows : undefined;
    }, 'the update and delete events');
    expect(journal.map((row) => row.type)).toEqual(['record.created', 'record.updated', 'record.deleted']);
    expect(journal[1]!.payload).toMatchObject({ before: { [titleField]: 'Made in Airtable' }, after: { [titleField]: 'Renamed in Airtable' } });
  });

  it('does not announce Tableport’s own writes a second time', async () => {
    const written = await pair.driven('POST', `/v0/${base}/Tasks`, { fields: { Title: 'Mine' } });
    const id = written.body.id as string;
    await pair.driven('PATCH', `/v0/${base}/Tasks/${id}`, { fields: { Points: 4 } });
    await caughtUp();
    const journal = await eventsOf(id);
    expect(journal.map((row) => [row.type, row.channel])).toEqual([
      ['record.created', 'v0'],
      ['record.updated', 'v0'],
    ]);
  });
});
