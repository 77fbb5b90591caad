import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureBase } from '../../mcp/testing/data-tools.fixture';
import { startDriverPair, upstreamAnswers, type DriverPair } from './testing/driver.fixture';

// The same base, straight on the store's /v0 ("Airtable") and through the airtable driver: every
// answer must be the same, byte for byte after JSON parsing.
describe('a connected base answers like the base itself', () => {
  let pair: DriverPair;
  let fixture: Awaited<ReturnType<typeof createFixtureBase>>;
  let base: string;

  beforeAll(async () => {
    pair = await startDriverPair();
    fixture = await createFixtureBase(pair.upstream, 'Parity');
    base = fixture.id;
    await pair.connect(base);
  });
  afterAll(() => pair?.stop());

  // List offsets name an iterator each call opens, so only their presence is compared.
  const comparable = ({ status, body }: { status: number; body: Record<string, unknown> }) => ({
    status,
    body: body && 'offset' in body ? { ...body, offset: typeof body.offset } : body,
  });
  const same = async (method: string, path: string, body?: unknown) => {
    const [direct, driven] = [await pair.direct(method, path, body), await pair.driven(method, path, body)];
    expect(comparable(driven)).toEqual(comparable(direct));
    return { direct: direct.body, driven: driven.body };
  };

  it('keeps the base id and name in the base list, and answers its schema the same', async () => {
    const bases = await pair.driven('GET', '/v0/meta/bases');
    expect(bases.body.bases).toContainEqual({ id: base, name: 'Parity', permissionLevel: 'create' });
    await same('GET', `/v0/meta/bases/${base}/tables`);
    await same('GET', `/v0/meta/bases/${base}/tables?include[]=visibleFieldIds`);
  });

  it('lists with every parameter, page by page, with the same offsets', async () => {
    const query = 'fields[]=Title&fields[]=Points&sort[0][field]=Points&sort[0][direction]=desc&pageSize=2';
    const first = await same('GET', `/v0/${base}/Tasks?${query}`);
    expect(first.direct.records).toHaveLength(2);
    const next = (offset: string) => `/v0/${base}/Tasks?${query}&offset=${encodeURIComponent(offset)}`;
    const second = { direct: await pair.direct('GET', next(first.direct.offset)), driven: await pair.driven('GET', next(first.driven.offset)) };
    expect(comparable(second.driven)).toEqual(comparable(second.direct));
    await same('GET', `/v0/${base}/Tasks?filterByFormula=${encodeURIComponent("AND({Points}>3, FIND('r', {Title}))")}&returnFieldsByFieldId=true`);
    await same('GET', `/v0/${base}/Tasks?cellFormat=string&timeZone=Europe%2FParis&userLocale=en-gb&maxRecords=2`);
    await same('POST', `/v0/${base}/Tasks/listRecords`, { fields: ['Title', 'Project owner'], sort: [{ field: 'Title' }] });
  });

  it('reads one record the same, links and lookups included', async () => {
    await same('GET', `/v0/${base}/Tasks/${fixture.tasks[0]}`);
    await same('GET', `/v0/${base}/Projects/${fixture.projects.apollo}?returnFieldsByFieldId=true`);
  });

  it('refuses bad requests with the same status, type and message', async () => {
    await same('GET', `/v0/${base}/Tasks/recDoesNotExist00`);
    await same('GET', `/v0/${base}/NoSuchTable`);
    await same('GET', `/v0/${base}/Tasks?filterByFormula=${encodeURIComponent('{Nope} = 1')}`);
    await same('POST', `/v0/${base}/Tasks`, { fields: { Nope: 'x' } });
    await same('PATCH', `/v0/${base}/Tasks/${fixture.tasks[0]}`, { fields: { Points: 'many' } });
    await same('POST', `/v0/${base}/Tasks`, { records: Array.from({ length: 11 }, () => ({ fields: {} })) });
  });

  it('never lets Airtable answer 429', async () => {
    expect(await upstreamAnswers(pair.upstream, 429)).toBe(0);
  });
});
