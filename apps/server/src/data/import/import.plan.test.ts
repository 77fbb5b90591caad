import type { AirtableBaseSchema } from '@tableport/airtable';
import { describe, expect, it } from 'vitest';
import { planImport } from './import.plan';

const field = (id: string, name: string, type: string, options?: Record<string, unknown>) => ({ id, name, type, ...(options ? { options } : {}) });

describe('import plan', () => {
  it('makes a computed primary text, creates one side per link, and orders computed fields by dependency', () => {
    const schema: AirtableBaseSchema = {
      tables: [
        {
          id: 'tblA',
          name: 'A',
          primaryFieldId: 'fldLabel',
          views: [],
          fields: [
            field('fldLabel', 'Label', 'formula', { formula: '{fldName}', referencedFieldIds: ['fldName'] }),
            field('fldName', 'Name', 'singleLineText'),
            field('fldTwice', 'Twice', 'formula', { formula: '{fldOnce} * 2', referencedFieldIds: ['fldOnce'] }),
            field('fldOnce', 'Once', 'formula', { formula: 'LEN({fldName})', referencedFieldIds: ['fldName'] }),
            field('fldToB', 'Bs', 'multipleRecordLinks', { linkedTableId: 'tblB', inverseLinkFieldId: 'fldToA' }),
            field('fldAi', 'Summary', 'aiText'),
            field('fldOdd', 'Odd', 'someFutureType'),
            field('fldBroken', 'Broken', 'formula', { formula: '{fldOdd}', referencedFieldIds: ['fldOdd'] }),
          ],
        },
        { id: 'tblB', name: 'B', primaryFieldId: 'fldB', views: [], fields: [field('fldB', 'Name', 'singleLineText'), field('fldToA', 'As', 'multipleRecordLinks', { linkedTableId: 'tblA', inverseLinkFieldId: 'fldToB' })] },
      ],
    };
    const plan = planImport(schema);
    expect(plan.tables.map((table) => [table.config.fields.map((config) => `${config.name}:${config.type}`), table.primaryAsText])).toEqual([
      [['Label:singleLineText', 'Name:singleLineText'], true],
      [['Name:singleLineText'], false],
    ]);
    expect(plan.links.map((link) => [link.field.id, link.inverse?.id])).toEqual([['fldToB', 'fldToA']]);
    expect(plan.computed.map((item) => item.field.id)).toEqual(['fldOnce', 'fldAi', 'fldTwice']);
    expect(plan.skipped.map((item) => item.field)).toEqual(['Odd', 'Broken']);
  });
});
