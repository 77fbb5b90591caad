import type { AirtableField } from '@tableport/airtable';

type Cells = Record<string, unknown>;

/** A cell's text, for a primary field that was computed at the source and is text here. */
export function cellText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map((item) => cellText(item) ?? '').join(', ');
  if (typeof value === 'object') {
    const named = value as { name?: unknown; text?: unknown };
    if (typeof named.name === 'string') return named.name;
    if (typeof named.text === 'string') return named.text;
    return JSON.stringify(value);
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A source cell in the write format of the same field here (attachments by URL, people by email). */
export function writeCell(field: AirtableField, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  switch (field.type) {
    case 'multipleAttachments':
      return (value as { url: string; filename?: string }[]).map(({ url, filename }) => ({ url, ...(filename ? { filename } : {}) }));
    case 'singleCollaborator':
      return person(value);
    case 'multipleCollaborators':
      return (value as unknown[]).map(person);
    default:
      return value;
  }
}

function person(value: unknown): unknown {
  const { id, email } = value as { id?: string; email?: string };
  return email ? { email } : { id };
}

/** The new cells of a record: only the fields created with the tables, keyed by their new ids. */
export function plainCells(input: { source: Cells; fields: readonly AirtableField[]; ids: ReadonlyMap<string, string>; primaryAsText?: string }): Cells {
  const out: Cells = {};
  for (const field of input.fields) {
    const id = input.ids.get(field.id);
    if (!id) continue;
    const value = field.id === input.primaryAsText ? cellText(input.source[field.id]) : writeCell(field, input.source[field.id]);
    if (value !== undefined && value !== null) out[id] = value;
  }
  return out;
}
