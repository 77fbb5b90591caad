import { describe, expect, it } from 'vitest';
import { idSchema, isId, newId } from './ids';

describe('ids', () => {
  it('makes 17-char Airtable-style ids', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => newId('rec')));
    expect(ids.size).toBe(2000);
    for (const id of ids) expect(isId(id, 'rec')).toBe(true);
    expect(idSchema('tbl').safeParse(newId('tbl')).success).toBe(true);
    expect(idSchema('tbl').safeParse(newId('rec')).success).toBe(false);
    expect(isId('rec123', 'rec')).toBe(false);
  });
});
