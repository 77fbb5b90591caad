import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureBase } from '../../mcp/testing/data-tools.fixture';
import { startDriverPair, upstreamAnswers, type DriverPair } from './testing/driver.fixture';

interface EventRow {
  type: string;
  record_id: string;
  actor: { channel: string };
  payload: { before?: Record<string, unknown> | null; after?: Record<string, unknown> | null; changeSetId: string | null };
}

// Writes through the driver land in the real base once each, and Tableport journals them as the
// store does: record.* events with before/after cells by field id, and change sets.
describe('writes to a connected base', () => {
  let pair: DriverPair;
  let base: string;
  let fields: Record<string, string>;

  beforeAll(async () => {
    pair = await startDriverPair();
    base = (await createFixtureBase(pair.upstream, 'Writes')).id;
    await pair.connect(base);
    const schema = await pair.driven('GET', `/v0/meta/bases/${base}/tables`);
    const tasks = (schema.body.tables as Array<{ name: string; fields: Array<{ id: string; name: string }> }>).find((table) => table.name === 'Tasks')!;
    fields = Object.fromEntries(tasks.fields.map((field) => [field.name, field.id]));
  });
  afterAll(() => pair?.stop());

  const events = async (recordId: string) =>
    (
      await pair.tableport.app.context.db.query<EventRow>(
        "SELECT type, payload->>'recordId' AS record_id, actor, payload FROM domain_events WHERE base_id = $1 AND payload->>'recordId' = $2 ORDER BY seq",
        [base, recordId],
      )
    ).rows;
  const upstreamRecord = async (recordId: string) => (await pair.direct('GET', `/v0/${base}/Tasks/${recordId}`)).body as { fields: Record<string, unknown> };

  it('creates, updates and deletes in the real base, journaling events and change sets', async () => {
    const created = await pair.driven('POST', `/v0/${base}/Tasks`, { fields: { Title: 'Written through', Points: 2 } });
    expect(created.status).toBe(200);
    const id = created.body.id as string;
    expect((await upstreamRecord(id)).fields).toMatchObject({ Title: 'Written through', Points: 2 });
    const updated = await pair.driven('PATCH', `/v0/${base}/Tasks/${id}`, { fields: { Points: 3 } });
    expect(updated.body.fields).toMatchObject({ Title: 'Written through', Points: 3 });
    expect((await pair.driven('DELETE', `/v0/${base}/Tasks/${id}`)).body).toEqual({ id, deleted: true });
    expect((await pair.direct('GET', `/v0/${base}/Tasks/${id}`)).status).toBe(404);
    const journal = await events(id);
    expect(journal.map((event) => event.type)).toEqual(['record.created', 'record.updated', 'record.deleted']);
    expect(journal[0]!.payload.after).toMatchObject({ [fields.Title!]: 'Written through', [fields.Points!]: 2 });
    expect(journal[1]!.payload).toMatchObject({ before: { [fields.Points!]: 2 }, after: { [fields.Points!]: 3 } });
    expect(journal[2]!.payload.before).toMatchObject({ [fields.Title!]: 'Written through', [fields.Points!]: 3 });
    expect(journal.every((event) => event.actor.channel === 'v0' && event.payload.changeSetId)).toBe(true);
  });

  it('lets many concurrent writers each get their record: merged, none lost, none doubled', async () => {
    const names = Array.from({ length: 40 }, (_, index) => `writer ${index}`);
    const answers = await Promise.all(names.map((Title) => pair.driven('POST', `/v0/${base}/Tasks`, { fields: { Title } })));
    expect(answers.map((answer) => answer.status)).toEqual(names.map(() => 200));
    expect(answers.map((answer): unknown => answer.body.fields.Title)).toEqual(names);
    const formula = encodeURIComponent(`FIND('writer ', {Title})`);
    const stored = await pair.direct('GET', `/v0/${base}/Tasks?filterByFormula=${formula}&fields[]=Title`);
    const titles = (stored.body.records as Array<{ fields: { Title: string } }>).map((record) => record.fields.Title);
    expect(titles.sort()).toEqual([...names].sort());
    const created = await Promise.all(answers.map((answer) => events(answer.body.id as string)));
    expect(created.map((journal) => journal.map((event) => event.type))).toEqual(names.map(() => ['record.created']));
    expect(await upstreamAnswers(pair.upstream, 429)).toBe(0);
  });

  it('updates with typecast and replaces, as Airtable would', async () => {
    const created = await pair.driven('POST', `/v0/${base}/Tasks`, { fields: { Title: 'Typecast', Points: 1 } });
    const id = created.body.id as string;
    const cast = await pair.driven('PATCH', `/v0/${base}/Tasks/${id}`, { fields: { Status: 'Blocked' }, typecast: true });
    expect(cast.body.fields.Status).toBe('Blocked');
    const replaced = await pair.driven('PUT', `/v0/${base}/Tasks/${id}`, { fields: { Title: 'Replaced' } });
    expect(replaced.body.fields).toEqual({ Title: 'Replaced' });
    expect((await upstreamRecord(id)).fields).toEqual({ Title: 'Replaced' });
  });
});
