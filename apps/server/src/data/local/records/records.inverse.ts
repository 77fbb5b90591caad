import type { Transaction } from '../../../infra/db';
import { quoteId, recordTableSql, type BaseModel, type FieldModel, type TableModel } from '../schema/schema.model';
import { linkedTable } from './records.links';

/** A link field's value change on one record. */
export interface LinkDiff {
  recordId: string;
  field: FieldModel;
  before: readonly string[];
  after: readonly string[];
}

/** Records of another table whose inverse link changed, with the cell before and after. */
export interface InverseChange {
  table: TableModel;
  field: FieldModel;
  recordId: string;
  before: string[];
  after: string[];
}

interface Edit {
  target: string;
  add: string[];
  remove: string[];
}

/**
 * Keeps links symmetric: for each changed link field with an inverse, adds the record to the
 * inverse cell of newly linked records and removes it from unlinked ones, in one statement per field.
 */
export async function applyInverseLinks(
  tx: Transaction,
  options: { base: BaseModel; diffs: readonly LinkDiff[] },
): Promise<InverseChange[]> {
  const byField = new Map<string, { field: FieldModel; edits: Map<string, Edit> }>();
  for (const diff of options.diffs) {
    const inverseId = diff.field.options?.inverseLinkFieldId as string | undefined;
    if (!inverseId) continue;
    const group = byField.get(diff.field.id) ?? { field: diff.field, edits: new Map<string, Edit>() };
    byField.set(diff.field.id, group);
    const edit = (target: string) => {
      const found = group.edits.get(target) ?? { target, add: [], remove: [] };
      group.edits.set(target, found);
      return found;
    };
    for (const id of diff.after) if (!diff.before.includes(id)) edit(id).add.push(diff.recordId);
    for (const id of diff.before) if (!diff.after.includes(id)) edit(id).remove.push(diff.recordId);
  }
  const changes: InverseChange[] = [];
  for (const { field, edits } of byField.values()) {
    const table = linkedTable(options.base, field);
    const inverse = table.fieldById.get(field.options!.inverseLinkFieldId as string);
    if (!inverse || edits.size === 0) continue;
    changes.push(...(await editLinkCells(tx, { table, field: inverse, edits: [...edits.values()] })));
  }
  return changes;
}

/** Applies add/remove edits to one link column; returns each edited record's cell before and after. */
export async function editLinkCells(
  tx: Transaction,
  options: { table: TableModel; field: FieldModel; edits: readonly Edit[] },
): Promise<InverseChange[]> {
  const column = quoteId(options.field.id);
  const sorted = [...options.edits].sort((a, b) => (a.target < b.target ? -1 : 1));
  const result = await tx.query<{ id: string; before: string[] | null; after: string[] | null }>(
    `WITH edits AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS e(target text, "add" text[], "remove" text[])),
     locked AS (SELECT t.id, t.${column} AS before FROM ${recordTableSql(options.table)} t JOIN edits e ON e.target = t.id
                ORDER BY t.id FOR UPDATE OF t)
     UPDATE ${recordTableSql(options.table)} t SET ${column} = NULLIF(
         ARRAY(SELECT x FROM unnest(COALESCE(l.before, '{}'::text[])) WITH ORDINALITY AS u(x, n)
               WHERE x <> ALL(e."remove") ORDER BY n)
         || ARRAY(SELECT a FROM unnest(e."add") WITH ORDINALITY AS v(a, n)
                  WHERE a <> ALL(COALESCE(l.before, '{}'::text[])) ORDER BY n),
         '{}'::text[])
     FROM edits e JOIN locked l ON l.id = e.target
     WHERE t.id = e.target
     RETURNING t.id, l.before, t.${column} AS after`,
    [JSON.stringify(sorted)],
  );
  return result.rows
    .map((row) => ({ table: options.table, field: options.field, recordId: row.id, before: row.before ?? [], after: row.after ?? [] }))
    .filter((change) => change.before.join() !== change.after.join());
}

/** Removes deleted records from every link cell that points at them (inverse and self links). */
export async function unlinkDeleted(
  tx: Transaction,
  options: { base: BaseModel; table: TableModel; rows: readonly { id: string; [key: string]: unknown }[] },
): Promise<InverseChange[]> {
  const deleted = new Set(options.rows.map((row) => row.id));
  const diffs: LinkDiff[] = [];
  const changes: InverseChange[] = [];
  for (const field of options.table.fields) {
    if (field.type !== 'multipleRecordLinks') continue;
    for (const row of options.rows) {
      const before = (row[field.id] as string[] | null) ?? [];
      if (before.length > 0) diffs.push({ recordId: row.id, field, before, after: [] });
    }
    if (!field.options?.inverseLinkFieldId) {
      const self = await tx.query<{ id: string; before: string[] }>(
        `SELECT id, ${quoteId(field.id)} AS before FROM ${recordTableSql(options.table)}
         WHERE ${quoteId(field.id)} && $1::text[] AND NOT (id = ANY($1::text[])) ORDER BY id FOR UPDATE`,
        [[...deleted]],
      );
      const edits = self.rows.map((row) => ({ target: row.id, add: [], remove: row.before.filter((id) => deleted.has(id)) }));
      if (edits.length > 0) changes.push(...(await editLinkCells(tx, { table: options.table, field, edits })));
    }
  }
  const inverse = await applyInverseLinks(tx, { base: options.base, diffs });
  return [...changes, ...inverse.filter((change) => !(change.table.id === options.table.id && deleted.has(change.recordId)))];
}
