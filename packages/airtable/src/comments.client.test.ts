import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { peerClient, startAirtablePeer, type AirtablePeer } from '../test/airtable-peer';
import type { AirtableClient } from './airtable.client';

let peer: AirtablePeer;
let client: AirtableClient;
const record = { baseId: 'appB', tableIdOrName: 'My Table', recordId: 'recR' };
const wire = () => peer.requests.map((sent) => [sent.method, sent.path, sent.query, sent.body]);
const comment = {
  id: 'comC',
  text: 'Hi @[usrU]',
  createdTime: '2024-01-02T03:04:05.000Z',
  lastUpdatedTime: null,
  author: { id: 'usrA', email: 'a@example.com' },
  mentioned: { usrU: { type: 'user', id: 'usrU', displayName: 'U', email: 'u@example.com' } },
  reactions: [{ emoji: { unicodeCharacter: '1f44d' }, reactingUser: { userId: 'usrU' } }],
};

beforeAll(async () => {
  peer = await startAirtablePeer();
  client = peerClient(peer);
});
afterAll(() => peer.close());
beforeEach(() => peer.reset());

describe('comments', () => {
  it('lists pages with pageSize and offset; a null offset ends the list', async () => {
    peer.reply({ json: { comments: [comment], offset: 'o1' } }, { json: { comments: [], offset: null } });
    expect(await client.comments.list({ ...record, pageSize: 1 })).toEqual({
      comments: [comment],
      offset: 'o1',
    });
    expect(await client.comments.list({ ...record, pageSize: 1, offset: 'o1' })).toEqual({ comments: [] });
    expect(wire()).toEqual([
      ['GET', '/v0/appB/My%20Table/recR/comments', 'pageSize=1', ''],
      ['GET', '/v0/appB/My%20Table/recR/comments', 'pageSize=1&offset=o1', ''],
    ]);
  });

  it('creates, updates and deletes a comment', async () => {
    peer.reply(
      { json: comment },
      { json: { ...comment, text: 'Edited', lastUpdatedTime: '2024-01-03T00:00:00.000Z' } },
      { json: { id: 'comC', deleted: true } },
    );
    await client.comments.create({ ...record, text: 'Hi @[usrU]', parentCommentId: 'comP' });
    expect((await client.comments.update({ ...record, commentId: 'comC', text: 'Edited' })).text).toBe(
      'Edited',
    );
    expect(await client.comments.delete({ ...record, commentId: 'comC' })).toEqual({
      id: 'comC',
      deleted: true,
    });
    expect(wire()).toEqual([
      ['POST', '/v0/appB/My%20Table/recR/comments', '', '{"text":"Hi @[usrU]","parentCommentId":"comP"}'],
      ['PATCH', '/v0/appB/My%20Table/recR/comments/comC', '', '{"text":"Edited"}'],
      ['DELETE', '/v0/appB/My%20Table/recR/comments/comC', '', ''],
    ]);
  });
});
