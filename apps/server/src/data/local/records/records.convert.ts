import { newId } from '@tableport/contracts';
import type { Transaction } from '../../../infra/db';
import { codecOf } from '../fields/codecs';
import { addChoices } from '../fields/field-defaults';
import type { AttachmentStore, ChoiceRequests, CollaboratorDirectory } from '../fields/field-codec.types';
import { bumpSchemaVersion, updateFieldOptions } from '../schema/schema.repo';
import type { FieldModel, TableModel } from '../schema/schema.model';
import type { RecordRow } from './record.row';
import { storedValue } from './record.row';
import { writableEntries } from './records.fields';

/** The stored values a write sets, by field id (link cells are LinkDrafts until resolved). */
export type CellValues = Map<string, unknown>;

/** Collects select choices that typecast creates (one id per field and name). */
export class ChoiceCollector implements ChoiceRequests {
  readonly requested = new Map<string, { field: FieldModel; names: Map<string, string> }>();

  request(field: FieldModel, name: string): string {
    const entry = this.requested.get(field.id) ?? { field, names: new Map<string, string>() };
    this.requested.set(field.id, entry);
    const known = entry.names.get(name);
    if (known) return known;
    const id = newId('sel');
    entry.names.set(name, id);
    return id;
  }
}

/** What converting cells needs. */
export interface ConvertServices {
  directory: CollaboratorDirectory;
  attachments: AttachmentStore;
}

/** Converts each record's `fields` to stored values (§3.4 order: keys, computed, then types). */
export async function convertRecords(options: {
  table: TableModel;
  records: readonly { fields: Record<string, unknown>; existing?: RecordRow | undefined }[];
  typecast: boolean;
  services: ConvertServices;
}): Promise<{ values: CellValues[]; choices: ChoiceCollector }> {
  const { table, typecast } = options;
  const choices = new ChoiceCollector();
  const entries = options.records.map((record) => writableEntries(table, record.fields ?? {}));
  const services = { ...options.services, choices };
  const values: CellValues[] = [];
  for (const [index, record] of options.records.entries()) {
    const cells: CellValues = new Map();
    for (const [field, value] of entries[index]!) {
      const existing = record.existing ? storedValue(record.existing, field) : null;
      cells.set(field.id, await codecOf(field).write!({ field, value, typecast, existing, services }));
    }
    values.push(cells);
  }
  return { values, choices };
}

/**
 * Adds the choices typecast asked for, under a lock on each field's row so concurrent writers
 * never add the same name twice; rewrites the requested ids to the ids that won.
 */
export async function persistChoices(
  tx: Transaction,
  options: { baseId: string; choices: ChoiceCollector; values: CellValues[] },
): Promise<boolean> {
  if (options.choices.requested.size === 0) return false;
  const remap = new Map<string, string>();
  for (const { field, names } of options.choices.requested.values()) {
    const locked = await tx.query<{ options: Record<string, unknown> | null }>(
      'SELECT options FROM data_fields WHERE id = $1 FOR UPDATE',
      [field.id],
    );
    const current = { ...field, options: locked.rows[0]?.options ?? field.options };
    const existing = (current.options?.choices ?? []) as { id: string; name: string }[];
    const added: { id: string; name: string }[] = [];
    for (const [name, id] of names) {
      const found = existing.find((choice) => choice.name === name);
      if (found) remap.set(id, found.id);
      else added.push({ id, name });
    }
    if (added.length > 0) await updateFieldOptions(tx, field.id, addChoices(current, added));
  }
  for (const cells of options.values) {
    for (const [fieldId, value] of cells) {
      if (typeof value === 'string' && remap.has(value)) cells.set(fieldId, remap.get(value));
      else if (Array.isArray(value) && value.some((item) => remap.has(item as string))) {
        cells.set(fieldId, [...new Set((value as string[]).map((item) => remap.get(item) ?? item))]);
      }
    }
  }
  await bumpSchemaVersion(tx, options.baseId);
  return true;
}
