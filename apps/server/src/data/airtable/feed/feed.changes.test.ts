import type { AirtableBaseSchema, AirtableWebhookPayload } from '@tableport/airtable';
import { describe, expect, it } from 'vitest';
import { lookupTable } from '../source/schema.lookup';
import { payloadChanges } from './feed.changes';

const schema = {
  tables: [
    {
      id: 'tblTasks',
      name: 'Tasks',
      primaryFieldId: 'fldTitle',
      fields: [
        { id: 'fldTitle', name: 'Title', type: 'singleLineText' },
        { id: 'fldStatus', name: 'Status', type: 'singleSelect', options: { choices: [{ id: 'selA', name: 'Todo' }] } },
        { id: 'fldLabel', name: 'Label', type: 'formula', options: { formula: 'UPPER({Title})' } },
        { id: 'fldOwner', name: 'Owner name', type: 'multipleLookupValues', options: {} },
      ],
      views: [],
    },
  ],
} as unknown as AirtableBaseSchema;

const payload = (changes: object) =>
  ({ timestamp: '2026-12-03T10:00:00.000Z', baseTransactionNumber: 1, payloadFormat: 'v0', actionMetadata: { source: 'client' }, changedTablesById: { tblTasks: changes } }) as unknown as AirtableWebhookPayload;
const changesOf = (changes: object) => payloadChanges(payload(changes), (id) => lookupTable(schema, id)).records;

describe('payloadChanges', () => {
  it('keeps written cells apart from computed ones, as the store journals them', () => {
    const [change] = changesOf({
      changedRecordsById: {
        rec1: {
          current: { cellValuesByFieldId: { fldTitle: 'b', fldStatus: { id: 'selA', name: 'Todo' }, fldLabel: 'B' } },
          previous: { cellValuesByFieldId: { fldTitle: 'a', fldStatus: null, fldLabel: 'A' } },
        },
      },
    });
    expect(change).toEqual({
      tableId: 'tblTasks',
      recordId: 'rec1',
      op: 'update',
      before: { fldTitle: 'a', fldStatus: null },
      after: { fldTitle: 'b', fldStatus: 'Todo' },
      cause: 'write',
      computed: { before: { fldLabel: 'A' }, after: { fldLabel: 'B' } },
    });
  });

  it('calls a change of computed cells only a recomputation', () => {
    const [change] = changesOf({
      changedRecordsById: { rec2: { current: { cellValuesByFieldId: { fldOwner: ['Ada'] } }, previous: { cellValuesByFieldId: { fldOwner: ['Bob'] } } } },
    });
    expect(change).toMatchObject({ op: 'update', cause: 'compute', before: { fldOwner: ['Bob'] }, after: { fldOwner: ['Ada'] } });
    expect(change).not.toHaveProperty('computed');
  });

  it('puts the computed cells of a created record with its computed changes', () => {
    const [change] = changesOf({
      createdRecordsById: { rec3: { createdTime: '2026-12-03T10:00:00.000Z', cellValuesByFieldId: { fldTitle: 'new', fldLabel: 'NEW' } } },
    });
    expect(change).toMatchObject({ op: 'create', cause: 'write', after: { fldTitle: 'new' }, computed: { before: {}, after: { fldLabel: 'NEW' } } });
  });

  it('keeps a field unknown to the schema it read with the written cells', () => {
    const [change] = changesOf({
      changedRecordsById: { rec4: { current: { cellValuesByFieldId: { fldNew: 1 } }, previous: { cellValuesByFieldId: { fldNew: null } } } },
    });
    expect(change).toMatchObject({ cause: 'write', before: { fldNew: null }, after: { fldNew: 1 } });
  });
});
