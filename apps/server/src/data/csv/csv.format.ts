import { AppError } from '@tableport/contracts';

const invalid = (message: string) => new AppError({ code: 'csv.invalid', message });

/**
 * Parses RFC 4180 CSV: fields separated by commas, records by CRLF or LF, quoted fields may hold
 * commas, line breaks and doubled quotes. A leading BOM is dropped; a trailing line break ends the
 * last record. An unterminated quote or text after a closing quote is `csv.invalid`.
 */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let index = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (index < input.length) {
    const char = input[index]!;
    if (char === '"' && field === '') {
      const close = readQuoted(input, index + 1);
      field = close.value;
      index = close.next;
      const after = input[index];
      if (after !== undefined && after !== ',' && after !== '\n' && after !== '\r') throw invalid(`Text after a closing quote on line ${rows.length + 1}`);
      continue;
    }
    if (char === ',') endField();
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[index + 1] === '\n') index++;
      endRow();
    } else field += char;
    index++;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

function readQuoted(input: string, start: number): { value: string; next: number } {
  let value = '';
  let index = start;
  for (;;) {
    const quote = input.indexOf('"', index);
    if (quote === -1) throw invalid('A quoted field is never closed');
    value += input.slice(index, quote);
    if (input[quote + 1] === '"') {
      value += '"';
      index = quote + 2;
    } else return { value, next: quote + 1 };
  }
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** Writes RFC 4180 CSV: CRLF between records, fields quoted when they hold a comma, quote, line break or edge space. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map((field) => (NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field)).join(',')).join('\r\n') + '\r\n';
}
