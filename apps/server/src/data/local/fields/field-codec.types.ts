import type { Attachment, Collaborator } from '@tableport/contracts';
import type { FieldModel } from '../schema/schema.model';

/** Resolves collaborator references (`{id}`, `{email}`, an id or email string) to users. */
export interface CollaboratorDirectory {
  resolve(reference: { id?: string; email?: string }): Promise<Collaborator | null>;
}

/**
 * Turns attachment writes into stored attachment metadata. The default keeps the given URL; the
 * attachments issue replaces it with one that downloads, stores and serves the file.
 */
export interface AttachmentStore {
  ingest(input: { url: string; filename?: string; type?: string }): Promise<Attachment>;
}

/** Select choices a write creates with `typecast` (one new id per field and name). */
export interface ChoiceRequests {
  /** The id for a new choice named `name` in the field (the same id for the same name). */
  request(field: FieldModel, name: string): string;
}

/** What a cell conversion may use besides the value. */
export interface CellServices {
  directory: CollaboratorDirectory;
  attachments: AttachmentStore;
  choices: ChoiceRequests;
}

/** One cell to convert from Airtable's write format to the stored value. */
export interface CellWrite {
  field: FieldModel;
  value: unknown;
  typecast: boolean;
  /** The stored value before the write (attachments keep existing ones by id). */
  existing: unknown;
  services: CellServices;
}

/** A link cell before its targets are checked: ids, or (typecast) primary values to look up. */
export interface LinkDraft {
  kind: 'links';
  items: ({ id: string } | { name: string })[];
}

/** True for a LinkDraft. */
export function isLinkDraft(value: unknown): value is LinkDraft {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'links';
}

/** Converts and validates one field type's cells, and reads them back as cell JSON. */
export interface FieldCodec {
  /** Write format → stored value (null clears). Absent for computed fields. */
  write?(input: CellWrite): Promise<unknown>;
  /** Stored value → cell JSON, or undefined for an empty cell (omitted from `fields`). */
  read(stored: unknown, field: FieldModel): unknown;
}
