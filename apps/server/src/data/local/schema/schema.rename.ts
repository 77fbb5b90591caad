import { AppError } from '@tableport/contracts';
import type { Transaction } from '../../../infra/db';
import type { NameChanges, WriteJournal } from '../../data.types';
import { toFieldSchema } from './schema.shape';
import { bumpSchemaVersion } from './schema.repo';
import { findTable, tableModel, type BaseModel, type FieldModel, type TableModel } from './schema.model';
import { checkName } from './table.create';

const MAX_DESCRIPTION = 20_000;

function checkChanges(changes: NameChanges): void {
  if (changes.name === undefined && changes.description === undefined) {
    throw new AppError({ code: 'request.invalid', message: 'Give a name or a description' });
  }
  if (changes.description !== undefined && changes.description.length > MAX_DESCRIPTION) {
    throw new AppError({ code: 'request.invalid', message: `A description has at most ${MAX_DESCRIPTION} characters` });
  }
}

function tableOf(model: BaseModel, idOrName: string): TableModel {
  const table = findTable(model, idOrName);
  if (!table) throw new AppError({ code: 'table.not_found', message: `Could not find table ${idOrName}` });
  return table;
}

/** Renames or redescribes a table (metadata only). */
export async function tableRenamer(options: { tx: Transaction; model: BaseModel; tableIdOrName: string; changes: NameChanges; journal: WriteJournal }): Promise<TableModel> {
  const { tx, changes } = options;
  checkChanges(changes);
  const table = tableOf(options.model, options.tableIdOrName);
  const others = options.model.tables.filter((other) => other.id !== table.id).map((other) => other.name);
  const name = changes.name === undefined ? table.name : checkName({ name: changes.name, taken: others, kind: 'table' });
  const description = changes.description === undefined ? table.description : changes.description || null;
  await tx.query('UPDATE data_tables SET name = $2, description = $3 WHERE id = $1', [table.id, name, description]);
  await bumpSchemaVersion(tx, table.baseId);
  const after = tableModel({ ...table, name, description });
  await options.journal.commit(tx, {
    schema: [{ type: 'table.updated', tableId: table.id, before: { name: table.name, description: table.description }, after: { name, description } }],
  });
  return after;
}

/** Renames or redescribes a field; its type and options cannot change (Airtable's API neither). */
export async function fieldRenamer(options: {
  tx: Transaction;
  model: BaseModel;
  tableIdOrName: string;
  fieldId: string;
  changes: NameChanges & { type?: unknown; options?: unknown };
  journal: WriteJournal;
}): Promise<FieldModel> {
  const { tx, changes } = options;
  if (changes.type !== undefined || changes.options !== undefined) {
    throw new AppError({ code: 'field.type_immutable', message: "A field's type and options cannot be changed; only its name and description" });
  }
  checkChanges(changes);
  const table = tableOf(options.model, options.tableIdOrName);
  const field = table.fieldById.get(options.fieldId);
  if (!field) throw new AppError({ code: 'field.not_found', message: `Could not find field ${options.fieldId}` });
  const others = table.fields.filter((other) => other.id !== field.id).map((other) => other.name);
  const name = changes.name === undefined ? field.name : checkName({ name: changes.name, taken: others, kind: 'field' });
  const description = changes.description === undefined ? field.description : changes.description || null;
  await tx.query('UPDATE data_fields SET name = $2, description = $3 WHERE id = $1', [field.id, name, description]);
  await bumpSchemaVersion(tx, table.baseId);
  const after = { ...field, name, description };
  await options.journal.commit(tx, {
    schema: [{ type: 'field.updated', tableId: table.id, fieldId: field.id, before: toFieldSchema(field), after: toFieldSchema(after) }],
  });
  return after;
}
