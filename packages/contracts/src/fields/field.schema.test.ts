import { describe, expect, it } from 'vitest';
import { isErrorCell } from './cell-values';
import { fieldSchema, tableSchema } from './field.schema';
import { FIELD_TYPES, isComputedFieldType, isFieldType } from './field-types';

describe('field model', () => {
  it('reads every option-less type and tolerates unknown keys', () => {
    const field = fieldSchema.parse({ id: 'fld1', name: 'Name', type: 'singleLineText', extra: 1 });
    expect(field.type).toBe('singleLineText');
  });

  it('reads typed options', () => {
    const field = fieldSchema.parse({
      id: 'fld2',
      name: 'Status',
      type: 'singleSelect',
      options: { choices: [{ id: 'selA', name: 'Done', color: 'greenBright', future: true }] },
    });
    expect(field.type === 'singleSelect' && field.options.choices[0]?.name).toBe('Done');
    expect(() =>
      fieldSchema.parse({ id: 'f', name: 'n', type: 'number', options: { precision: 9 } }),
    ).toThrow();
  });

  it('reads a formula field whose result is a field config', () => {
    const field = fieldSchema.parse({
      id: 'fld3',
      name: 'Total',
      type: 'formula',
      options: {
        formula: '{fldA} * 2',
        isValid: true,
        referencedFieldIds: ['fldA'],
        result: { type: 'number' },
      },
    });
    expect(field.type).toBe('formula');
  });

  it('reads a table with fields and views', () => {
    const table = tableSchema.parse({
      id: 'tbl1',
      name: 'T',
      primaryFieldId: 'fld1',
      fields: [{ id: 'fld1', name: 'Name', type: 'singleLineText' }],
      views: [{ id: 'viw1', name: 'Grid view', type: 'grid' }],
    });
    expect(table.fields).toHaveLength(1);
  });

  it('classifies types', () => {
    expect(FIELD_TYPES).toContain('aiText');
    expect(isFieldType('rollup')).toBe(true);
    expect(isFieldType('nope')).toBe(false);
    expect(isComputedFieldType('formula')).toBe(true);
    expect(isComputedFieldType('checkbox')).toBe(false);
    expect(isErrorCell({ error: '#ERROR!' })).toBe(true);
    expect(isErrorCell({ specialValue: 'NaN' })).toBe(true);
    expect(isErrorCell({ error: 'x', other: 1 })).toBe(false);
  });
});
