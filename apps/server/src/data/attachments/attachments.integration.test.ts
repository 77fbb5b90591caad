import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startV0Server, type Json, type V0Server } from '../test/v0.harness';

// Attachments: by URL (downloaded through the outbound guard, or kept as given), served from
// /files with an unguessable URL, and Airtable's upload endpoint (shared/airtable-api.md §2.11).
let server: V0Server;
let files: Server;
let filesUrl: string;
let baseId: string;
let table: Json;

/** A real 3×2 PNG. */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type), data, Buffer.alloc(4)]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(3, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const pixels = deflateSync(Buffer.alloc(2 * (1 + 3 * 3)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const recordUrl = (suffix = '') => `/v0/${baseId}/Items${suffix}`;

beforeAll(async () => {
  files = createServer((request, response) => {
    if (request.url === '/pic.png') response.writeHead(200, { 'content-type': 'image/png' }).end(png());
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  const port = await freePort();
  server = await startV0Server({ env: { PORT: String(port), TABLEPORT_URL: `http://127.0.0.1:${port}`, TABLEPORT_OUTBOUND_ALLOW: '127.0.0.1' } });
  const base = await server.createBase([
    { name: 'Items', fields: [{ name: 'Name', type: 'singleLineText' }, { name: 'Files', type: 'multipleAttachments' }] },
  ]);
  baseId = base.id;
  table = base.tables[0];
});
afterAll(async () => {
  files?.close();
  await server?.stop();
});

describe('attachments', () => {
  it('downloads a file by URL and serves it; keeps refused or failed URLs as given', async () => {
    const created = await server.call('POST', recordUrl(), {
      fields: {
        Name: 'x',
        Files: [{ url: `${filesUrl}/pic.png` }, { url: `${filesUrl}/missing.txt`, filename: 'm.txt' }, { url: 'http://10.1.2.3/private.pdf' }],
      },
    });
    expect(created.status).toBe(200);
    const [picture, missing, refused] = created.body.fields.Files as Json[];
    expect(picture).toMatchObject({ filename: 'pic.png', type: 'image/png', size: png().length, width: 3, height: 2 });
    expect(picture.url).toMatch(new RegExp(`^${server.url.replace('localhost', '127.0.0.1')}/files/att[A-Za-z0-9]{14}/[A-Za-z0-9_-]{32}/pic.png$`));
    expect(picture.thumbnails.small).toEqual({ url: picture.url, width: 3, height: 2 });
    expect(missing).toMatchObject({ url: `${filesUrl}/missing.txt`, filename: 'm.txt', type: 'text/plain' });
    expect(refused).toMatchObject({ url: 'http://10.1.2.3/private.pdf', filename: 'private.pdf' });

    const served = await fetch(picture.url as string);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(png())).toBe(true);
    const guessed = await fetch((picture.url as string).replace(/\/[A-Za-z0-9_-]{32}\//, `/${'A'.repeat(32)}/`));
    expect(guessed.status).toBe(404);

    const kept = await server.call('PATCH', recordUrl(`/${created.body.id}`), { fields: { Files: [{ id: picture.id }] } });
    expect(kept.body.fields.Files).toEqual([picture]);
  });

  it('uploads base64 up to 5 MB to a record, answering the field by id', async () => {
    const record = await server.call('POST', recordUrl(), { fields: { Name: 'up' } });
    const fieldId = (table.fields as Json[]).find((field) => field.name === 'Files').id as string;
    const upload = (field: string, file: string, filename = 'hello.txt') =>
      server.call('POST', `/v0/${baseId}/${record.body.id}/${encodeURIComponent(field)}/uploadAttachment`, { contentType: 'text/plain', file, filename });
    const first = await upload('Files', Buffer.from('hello').toString('base64'));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: record.body.id, createdTime: record.body.createdTime });
    expect(Object.keys(first.body.fields)).toEqual([fieldId]);
    expect(first.body.fields[fieldId]).toMatchObject([{ filename: 'hello.txt', type: 'text/plain', size: 5 }]);
    expect(await (await fetch(first.body.fields[fieldId][0].url as string)).text()).toBe('hello');
    const second = await upload(fieldId, Buffer.from('again').toString('base64'), 'again.txt');
    expect((second.body.fields[fieldId] as { filename: string }[]).map((item) => item.filename)).toEqual(['hello.txt', 'again.txt']);

    const big = await upload('Files', Buffer.alloc(5 * 1024 * 1024 + 1).toString('base64'));
    expect([big.status, big.body.error.type]).toEqual([413, 'REQUEST_TOO_LARGE']);
    const notFiles = await upload('Name', Buffer.from('x').toString('base64'));
    expect([notFiles.status, notFiles.body.error.type]).toEqual([422, 'INVALID_REQUEST_UNKNOWN']);
    const noRecord = await server.call('POST', `/v0/${baseId}/recAAAAAAAAAAAAAA/Files/uploadAttachment`, { contentType: 'text/plain', file: 'eA==', filename: 'x' });
    expect([noRecord.status, noRecord.body.error.type]).toEqual([404, 'MODEL_ID_NOT_FOUND']);
  });

  it('keeps the 2 MB body limit everywhere but the upload path', async () => {
    const body = { fields: { Name: 'x'.repeat(3 * 1024 * 1024) } };
    const response = await server.call('POST', recordUrl(), body);
    expect(response.status).toBe(413);
  });
});
