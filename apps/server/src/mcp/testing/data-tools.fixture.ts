/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- /v0 and tool answers are untyped JSON read by tests */
import type { Client } from '@modelcontextprotocol/client';
import type { Json, V0Server } from '../../data/test/v0.harness';

/** A base with two linked tables (links, a lookup, selects, numbers) for the data tool tests. */
export async function createFixtureBase(server: V0Server, name = 'MCP fixture') {
  const base = await server.createBase(
    [
      {
        name: 'Projects',
        fields: [
          { name: 'Name', type: 'singleLineText' },
          { name: 'Owner', type: 'email' },
          { name: 'Notes', type: 'multilineText' },
        ],
      },
      {
        name: 'Tasks',
        fields: [
          { name: 'Title', type: 'singleLineText' },
          {
            name: 'Status',
            type: 'singleSelect',
            options: { choices: [{ name: 'Open' }, { name: 'Done' }] },
          },
          { name: 'Points', type: 'number', options: { precision: 0 } },
          { name: 'Notes', type: 'multilineText' },
        ],
      },
    ],
    name,
  );
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await server.call(method, path, body);
    if (response.status !== 200) throw new Error(`${path}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  await call('POST', `/v0/meta/bases/${base.id}/tables/Tasks/fields`, {
    name: 'Project',
    type: 'multipleRecordLinks',
    options: { linkedTableId: base.tables[0].id },
  });
  await call('POST', `/v0/meta/bases/${base.id}/tables/Tasks/fields`, {
    name: 'Project owner',
    type: 'multipleLookupValues',
    options: { recordLinkFieldId: 'Project', fieldIdInLinkedTable: 'Owner' },
  });
  const projects = await call('POST', `/v0/${base.id}/Projects`, {
    records: [
      { fields: { Name: 'Apollo', Owner: 'ada@example.com', Notes: 'Moon landing' } },
      { fields: { Name: 'Gemini', Owner: 'grace@example.com' } },
    ],
  });
  const [apollo, gemini] = projects.records.map((record: Json) => record.id as string) as [string, string];
  const tasks = await call('POST', `/v0/${base.id}/Tasks`, {
    records: [
      { fields: { Title: 'Build rocket', Status: 'Open', Points: 8, Project: [apollo] } },
      { fields: { Title: 'Train crew', Status: 'Done', Points: 5, Project: [apollo] } },
      {
        fields: {
          Title: 'Dock capsules',
          Status: 'Open',
          Points: 3,
          Project: [gemini],
          Notes: 'orbital rendezvous',
        },
      },
    ],
  });
  return {
    id: base.id,
    projects: { apollo, gemini },
    tasks: tasks.records.map((record: Json) => record.id as string) as string[],
  };
}

/** Calls a tool and returns its structured result, failing with the tool's text on an error. */
export async function callOk(client: Client, name: string, args: Record<string, unknown>): Promise<Json> {
  const result = await client.callTool({ name, arguments: args });
  if (result.isError) throw new Error(`${name}: ${(result.content as { text: string }[])[0]?.text}`);
  return result.structuredContent;
}

/** Calls a tool that must fail and returns its error text. */
export async function callError(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<string> {
  const result = await client.callTool({ name, arguments: args });
  if (!result.isError) throw new Error(`${name} succeeded: ${JSON.stringify(result.structuredContent)}`);
  return (result.content as { text: string }[])[0]!.text;
}

/** The text form of a tool result. */
export async function callText(client: Client, name: string, args: Record<string, unknown>): Promise<string> {
  const result = await client.callTool({ name, arguments: args });
  return (result.content as { text: string }[])[0]!.text;
}
