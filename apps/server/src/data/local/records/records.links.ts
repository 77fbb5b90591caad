import { AppError } from '@tableport/contracts';
import type { Transaction } from '../../../infra/db';
import { columnKind } from '../fields/field.storage';
import { isLinkDraft, type LinkDraft } from '../fields/field-codec.types';
import { quoteId, recordTableSql, type BaseModel, type FieldModel, type TableModel } from '../schema/schema.model';
import type { CellValues } from './records.convert';

/** Creates records in a table from primary-field values (typecast links); returns their ids in order. */
export type CreateByPrimary = (table: TableModel, names: string[]) => Promise<string[]>;

/** `record.row_not_found` for a record id missing from a table. */
export function rowNotFound(recordId: string): AppError {
  return new AppError({
    code: 'record.row_not_found',
    message: `Record ID ${recordId} does not exist in this table`,
    details: { recordId },
  });
}

/** The linked table of a link field. */
export function linkedTable(base: BaseModel, field: FieldModel): TableModel {
  return base.tableById.get(field.options!.linkedTableId as string)!;
}

/**
 * Replaces LinkDrafts with record id arrays: ids must exist in the linked table (else
 * `record.row_not_found`); names (typecast) match the primary field exactly, or become new records.
 */
export async function resolveLinkDrafts(
  tx: Transaction,
  options: { base: BaseModel; table: TableModel; values: CellValues[]; createByPrimary: CreateByPrimary },
): Promise<void> {
  for (const field of options.table.fields) {
    if (field.type !== 'multipleRecordLinks') continue;
    const drafts = options.values.flatMap((cells) => (isLinkDraft(cells.get(field.id)) ? [cells.get(field.id) as LinkDraft] : []));
    if (drafts.length === 0) continue;
    const target = linkedTable(options.base, field);
    const ids = [...new Set(drafts.flatMap((draft) => draft.items.flatMap((item) => ('id' in item ? [item.id] : []))))];
    const existing = await existingIds(tx, target, ids);
    const missing = ids.find((id) => !existing.has(id));
    if (missing) throw rowNotFound(missing);
    const names = [...new Set(drafts.flatMap((draft) => draft.items.flatMap((item) => ('name' in item ? [item.name] : []))))];
    const byName = names.length > 0 ? await idsByPrimary(tx, { target, names, createByPrimary: options.createByPrimary }) : new Map<string, string>();
    for (const cells of options.values) {
      const draft = cells.get(field.id);
      if (!isLinkDraft(draft)) continue;
      const resolved = [...new Set(draft.items.map((item) => ('id' in item ? item.id : byName.get(item.name)!)))];
      cells.set(field.id, resolved.length === 0 ? null : resolved);
    }
  }
}

async function existingIds(tx: Transaction, table: TableModel, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const result = await tx.query<{ id: string }>(
    `SELECT id FROM ${recordTableSql(table)} WHERE id = ANY($1::text[])`,
    [ids],
  );
  return new Set(result.rows.map((row) => row.id));
}

async function idsByPrimary(
  tx: Transaction,
  options: { target: TableModel; names: string[]; createByPrimary: CreateByPrimary },
): Promise<Map<string, string>> {
  const { target, names } = options;
  const primary = target.fieldById.get(target.primaryFieldId)!;
  const map = new Map<string, string>();
  const kind = columnKind(primary);
  if (kind === 'text' || kind === 'number') {
    const column = `${quoteId(primary.id)}${kind === 'number' ? '::text' : ''}`;
    const found = await tx.query<{ id: string; key: string }>(
      `SELECT id, ${column} AS key FROM ${recordTableSql(target)} WHERE ${column} = ANY($1::text[]) ORDER BY seq`,
      [names],
    );
    for (const row of found.rows) if (!map.has(row.key)) map.set(row.key, row.id);
  }
  const missing = names.filter((name) => !map.has(name));
  if (missing.length > 0) {
    const created = await options.createByPrimary(target, missing);
    missing.forEach((name, index) => map.set(name, created[index]!));
  }
  return map;
}
