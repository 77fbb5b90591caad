import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv.format';

describe('CSV (RFC 4180)', () => {
  it('parses quotes, doubled quotes, commas and line breaks inside fields, CRLF or LF, and a BOM', () => {
    const text = '\uFEFFName,Note\r\n"Smith, Jo","said ""hi""\nthen left"\r\nplain,\n';
    expect(parseCsv(text)).toEqual([
      ['Name', 'Note'],
      ['Smith, Jo', 'said "hi"\nthen left'],
      ['plain', ''],
    ]);
    expect(parseCsv('a,b')).toEqual([['a', 'b']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('refuses an unterminated quote and text after a closing quote', () => {
    expect(() => parseCsv('a,"b\nc')).toThrow(expect.objectContaining({ code: 'csv.invalid' }));
    expect(() => parseCsv('"a"b,c')).toThrow(expect.objectContaining({ code: 'csv.invalid' }));
  });

  it('writes what it reads back', () => {
    const rows = [
      ['Name', 'Note'],
      ['Smith, Jo', 'said "hi"\r\nthen left'],
      [' padded', ''],
    ];
    const text = toCsv(rows);
    expect(text).toBe('Name,Note\r\n"Smith, Jo","said ""hi""\r\nthen left"\r\n" padded",\r\n');
    expect(parseCsv(text)).toEqual(rows);
  });
});
