 
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startV0Server, type Json, type V0Server } from '../test/v0.harness';

let server: V0Server;
beforeAll(async () => {
  server = await startV0Server();
});
afterAll(async () => server?.stop());

describe('/v0 smoke', () => {
  it('creates a base, writes and reads records', async () => {
    const base = await server.createBase([
      {
        name: 'Tasks',
        fields: [
          { name: 'Name', type: 'singleLineText' },
          { name: 'Count', type: 'number', options: { precision: 0 } },
          { name: 'Status', type: 'singleSelect', options: { choices: [{ name: 'Todo' }, { name: 'Done' }] } },
        ],
      },
    ]);
    const created = await server.call('POST', `/v0/${base.id}/Tasks`, { records: [{ fields: { Name: 'a', Count: 2, Status: 'Done' } }, { fields: { Name: 'b' } }] });
    expect(created.status).toBe(200);
    expect(created.body.records[0].fields).toEqual({ Name: 'a', Count: 2, Status: 'Done' });
    const listed = await server.call('GET', `/v0/${base.id}/Tasks?filterByFormula=${encodeURIComponent("{Status}='Done'")}`);
    expect(listed.status).toBe(200);
    expect(listed.body.records.map((record: Json) => record.fields.Name as string)).toEqual(['a']);
  });
});
