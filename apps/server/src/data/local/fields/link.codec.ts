import { isId, type Attachment } from '@tableport/contracts';
import type { FieldCodec, LinkDraft } from './field-codec.types';
import { invalidValue, isEmptyWrite } from './cell.errors';

/**
 * multipleRecordLinks: an array of record ids (replaces the whole value). With typecast, strings
 * that are not record ids are primary-field values, looked up (or created) in the linked table.
 */
export const linkCodec: FieldCodec = {
  async write({ field, value, typecast }) {
    if (isEmptyWrite(value)) return null;
    const items = typecast && !Array.isArray(value) ? [value] : value;
    if (!Array.isArray(items)) throw invalidValue(field, value, 'Value is not an array of record IDs.');
    const draft: LinkDraft = { kind: 'links', items: [] };
    for (const item of items) {
      const id: unknown = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : item;
      if (isId(id, 'rec')) draft.items.push({ id });
      else if (typecast && (typeof item === 'string' || typeof item === 'number') && String(item).trim() !== '') {
        draft.items.push({ name: String(item).trim() });
      } else throw invalidValue(field, value, 'Value is not an array of record IDs.');
    }
    return draft;
  },
  read: (stored) => (Array.isArray(stored) && stored.length > 0 ? stored : undefined),
};

function existingById(existing: unknown): Map<string, Attachment> {
  return new Map((Array.isArray(existing) ? (existing as Attachment[]) : []).map((item) => [item.id, item]));
}

/**
 * multipleAttachments: `[{url, filename?}]` adds files, `[{id}]` keeps an existing attachment of
 * this cell; attachments not listed are removed.
 */
export const attachmentCodec: FieldCodec = {
  async write({ field, value, existing, services }) {
    if (isEmptyWrite(value)) return null;
    if (!Array.isArray(value)) throw invalidValue(field, value, 'expected an array of attachments');
    const kept = existingById(existing);
    const out: Attachment[] = [];
    for (const item of value as unknown[]) {
      const input = (item ?? {}) as { id?: unknown; url?: unknown; filename?: unknown };
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        throw invalidValue(field, value, 'expected {url, filename?} or {id}');
      }
      if (typeof input.url === 'string' && input.url !== '') {
        const filename = typeof input.filename === 'string' ? input.filename : undefined;
        out.push(await services.attachments.ingest({ url: input.url, ...(filename ? { filename } : {}) }));
      } else if (typeof input.id === 'string' && kept.has(input.id)) out.push(kept.get(input.id)!);
      else throw invalidValue(field, value, 'each attachment needs a url, or the id of one already in the cell');
    }
    return out.length === 0 ? null : out;
  },
  read: (stored) => (Array.isArray(stored) && stored.length > 0 ? stored : undefined),
};
