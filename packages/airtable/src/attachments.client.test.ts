import { AppError } from '@tableport/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeRecord, startAirtablePeer, TEST_TOKEN, type AirtablePeer } from '../test/airtable-peer';
import { createAirtableClient, type AirtableClient } from './airtable.client';
import { MAX_UPLOAD_BYTES } from './attachments.client';

let api: AirtablePeer;
let content: AirtablePeer;
let client: AirtableClient;

beforeAll(async () => {
  [api, content] = await Promise.all([startAirtablePeer(), startAirtablePeer()]);
  client = createAirtableClient({
    token: TEST_TOKEN,
    endpointUrl: api.url,
    contentEndpointUrl: `${content.url}/`,
  });
});
afterAll(() => Promise.all([api.close(), content.close()]));

const params = {
  baseId: 'appB',
  recordId: 'recR',
  attachmentFieldIdOrName: 'Files',
  contentType: 'text/plain',
  filename: 'a.txt',
};

describe('attachments.upload', () => {
  it('posts the file base64-encoded to the content host', async () => {
    const answer = fakeRecord('recR', {
      fldFiles: [{ id: 'attA', url: 'https://x', filename: 'a.txt', size: 5, type: 'text/plain' }],
    });
    content.reply({ json: answer });
    const bytes = new TextEncoder().encode('xhello').subarray(1);
    expect(await client.attachments.upload({ ...params, file: bytes })).toEqual(answer);
    const sent = content.only();
    expect([sent.method, sent.path, sent.query]).toEqual([
      'POST',
      '/v0/appB/recR/Files/uploadAttachment',
      '',
    ]);
    expect(sent.headers['content-type']).toBe('application/json');
    expect(sent.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
    expect(sent.body).toBe('{"contentType":"text/plain","file":"aGVsbG8=","filename":"a.txt"}');
    expect(api.requests).toHaveLength(0);
  });

  it('refuses files over 5 MB without sending them', async () => {
    content.reset();
    const error = await client.attachments
      .upload({ ...params, file: new Uint8Array(MAX_UPLOAD_BYTES + 1) })
      .catch((caught: unknown) => caught);
    expect(AppError.isInstance(error) && error.code).toBe('airtable.attachment_too_large');
    expect((error as AppError).details).toEqual({
      limitBytes: MAX_UPLOAD_BYTES,
      sizeBytes: MAX_UPLOAD_BYTES + 1,
    });
    expect(content.requests).toHaveLength(0);
  });
});
