import { isDeepStrictEqual } from 'node:util';
import type { Transaction } from '../../../infra/db';
import { readCell } from '../fields/codecs';
import { cellsById, fetchRows, type RecordRow } from '../records/record.row';
import { updateRows } from '../records/rows.write';
import { quoteId, recordTableSql, type BaseModel, type FieldModel, type TableModel } from '../schema/schema.model';
import { buildComputeGraph, linksRead, type ComputeGraph } from './compute.graph';
import {
  Evaluators,
  formulaCells,
  lookupValues,
  primaryText,
  resultCell,
  type ComputeRecord,
  type LinkedData,
  type LinkedRecord,
} from './compute.values';

/** Records of a table whose inputs changed: `changed` are field ids, or 'all' for new records. */
export interface ComputeWork {
  table: TableModel;
  ids: Iterable<string>;
  changed: ReadonlySet<string> | 'all';
}

/** One record's computed cells (cell JSON, null when empty) whose value a run changed. */
export interface ComputedChange {
  tableId: string;
  recordId: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/** What a run rewrote: the tables, and per record the computed cells that ended with another value. */
export interface ComputeResult {
  tables: Set<string>;
  changes: ComputedChange[];
}

/** Recomputes formulas, counts, lookups and rollups after a write, across tables, until nothing changes. */
export interface ComputeEngine {
  run(tx: Transaction, work: readonly ComputeWork[]): Promise<ComputeResult>;
}

/** Stored values before the run and now, by table, record and field. */
type Changed = Map<string, Map<string, Map<string, { before: unknown; after: unknown }>>>;

const MAX_ROUNDS = 64;

/** Builds the engine for one base schema (graph and evaluators are cached per version by the caller). */
export function createComputeEngine(base: BaseModel): ComputeEngine {
  const graph = buildComputeGraph(base);
  const evaluators = new Evaluators();
  return {
    async run(tx, work) {
      const queue = new Map<string, { table: TableModel; ids: Set<string>; changed: Set<string> | 'all' }>();
      const enqueue = (item: ComputeWork) => {
        const entry = queue.get(item.table.id) ?? { table: item.table, ids: new Set<string>(), changed: new Set<string>() };
        for (const id of item.ids) entry.ids.add(id);
        if (item.changed === 'all' || entry.changed === 'all') entry.changed = 'all';
        else for (const id of item.changed) entry.changed.add(id);
        queue.set(item.table.id, entry);
      };
      work.forEach(enqueue);
      const written = new Set<string>();
      const changed: Changed = new Map();
      for (let round = 0; queue.size > 0 && round < MAX_ROUNDS; round++) {
        const [tableId, entry] = queue.entries().next().value!;
        queue.delete(tableId);
        if (entry.ids.size === 0) continue;
        const step = { tx, base, graph, evaluators, table: entry.table, ids: [...entry.ids], changed: entry.changed };
        const { rows, changedComputed } = await recomputeTable(step, changed);
        if (changedComputed.size > 0) written.add(entry.table.id);
        const allChanged = entry.changed === 'all' ? 'all' : new Set([...entry.changed, ...changedComputed]);
        for (const dependent of graph.remote(entry.table, allChanged)) {
          const ids = await dependentIds({ tx, table: entry.table, ids: step.ids, rows, link: dependent.link, base });
          if (ids.length > 0) enqueue({ table: dependent.table, ids, changed: new Set([dependent.link.id]) });
        }
      }
      return { tables: written, changes: computedChanges(base, changed) };
    },
  };
}

/**
 * Each record's computed cells as cell JSON: the value before the run (the first one a round saw)
 * and the last one written; cells that end as they began (or read the same, '' and null) are left out.
 */
function computedChanges(base: BaseModel, changed: Changed): ComputedChange[] {
  const out: ComputedChange[] = [];
  for (const [tableId, records] of changed) {
    const table = base.tableById.get(tableId)!;
    for (const [recordId, fields] of records) {
      const change: ComputedChange = { tableId, recordId, before: {}, after: {} };
      for (const [fieldId, values] of fields) {
        const field = table.fieldById.get(fieldId)!;
        const [before, after] = [readCell(field, values.before) ?? null, readCell(field, values.after) ?? null];
        if (isDeepStrictEqual(before, after)) continue;
        change.before[fieldId] = before;
        change.after[fieldId] = after;
      }
      if (Object.keys(change.after).length > 0) out.push(change);
    }
  }
  return out;
}

interface Step {
  tx: Transaction;
  base: BaseModel;
  graph: ComputeGraph;
  evaluators: Evaluators;
  table: TableModel;
  ids: string[];
  changed: ReadonlySet<string> | 'all';
}

async function recomputeTable(step: Step, changed: Changed): Promise<{ rows: Map<string, RecordRow> | null; changedComputed: Set<string> }> {
  const fields = step.graph.affected(step.table, step.changed);
  const changedComputed = new Set<string>();
  if (fields.length === 0) return { rows: null, changedComputed };
  const rows = await fetchRows(step.tx, { table: step.table, ids: step.ids, lock: 'update' });
  const linked = await loadLinked(step, fields, [...rows.values()]);
  const updates: { id: string; values: Map<string, unknown> }[] = [];
  for (const row of rows.values()) {
    const record: ComputeRecord = { id: row.id, createdTime: row.created_time, lastModifiedTime: row.modified_time, cells: cellsById(row, step.table) };
    const values = new Map<string, unknown>();
    for (const field of fields) {
      const stored = computeField(step, field, record, linked);
      if (!isDeepStrictEqual(stored ?? null, row[field.id] ?? null)) {
        values.set(field.id, stored);
        changedComputed.add(field.id);
        noteChange(changed, { table: step.table, id: row.id, fieldId: field.id, before: row[field.id], after: stored });
      }
      if (stored === null || stored === undefined) delete record.cells[field.id];
      else record.cells[field.id] = stored;
    }
    if (values.size > 0) updates.push({ id: row.id, values });
  }
  await writeComputed(step, updates);
  return { rows, changedComputed };
}

function noteChange(changed: Changed, change: { table: TableModel; id: string; fieldId: string; before: unknown; after: unknown }): void {
  const records = changed.get(change.table.id) ?? new Map<string, Map<string, { before: unknown; after: unknown }>>();
  changed.set(change.table.id, records);
  const fields = records.get(change.id) ?? new Map<string, { before: unknown; after: unknown }>();
  records.set(change.id, fields);
  const known = fields.get(change.fieldId);
  fields.set(change.fieldId, { before: known ? known.before : change.before, after: change.after });
}

function computeField(step: Step, field: FieldModel, record: ComputeRecord, linked: LinkedData): unknown {
  const options = field.options ?? {};
  if (field.type === 'formula') {
    const evaluate = step.evaluators.formula(step.table, field);
    const cells = formulaCells({ table: step.table, record, linked });
    return resultCell(evaluate({ id: record.id, createdTime: record.createdTime, lastModifiedTime: record.lastModifiedTime ?? record.createdTime, fields: cells }));
  }
  const linkIds = (record.cells[options.recordLinkFieldId as string] as string[] | undefined) ?? [];
  if (field.type === 'count') return linkIds.length;
  const values = lookupValues({ linkIds, linked: linked.get(options.recordLinkFieldId as string), fieldId: options.fieldIdInLinkedTable as string });
  if (field.type === 'multipleLookupValues') return values.length === 0 ? null : values;
  const link = step.table.fieldById.get(options.recordLinkFieldId as string)!;
  const lookedUp = step.base.tableById.get(link.options!.linkedTableId as string)!.fieldById.get(options.fieldIdInLinkedTable as string)!;
  return resultCell(step.evaluators.rollup(field, lookedUp)({ id: record.id, fields: { values } }));
}

async function loadLinked(step: Step, fields: readonly FieldModel[], rows: readonly RecordRow[]): Promise<LinkedData> {
  const links = new Map(fields.flatMap((field) => linksRead(step.table, field)).map((link) => [link.id, link]));
  const data: LinkedData = new Map();
  for (const link of links.values()) {
    const target = step.base.tableById.get(link.options!.linkedTableId as string)!;
    const ids = rows.flatMap((row) => (row[link.id] as string[] | null) ?? []);
    const linkedRows = await fetchRows(step.tx, { table: target, ids });
    const records = new Map<string, LinkedRecord>();
    for (const row of linkedRows.values()) {
      const cells = cellsById(row, target);
      records.set(row.id, { cells, primaryText: primaryText(target, cells) });
    }
    data.set(link.id, records);
  }
  return data;
}

async function writeComputed(step: Step, updates: readonly { id: string; values: Map<string, unknown> }[]): Promise<void> {
  if (updates.length > 0) await updateRows(step.tx, { table: step.table, rows: updates });
}

async function dependentIds(options: { tx: Transaction; base: BaseModel; table: TableModel; ids: string[]; rows: Map<string, RecordRow> | null; link: FieldModel }): Promise<string[]> {
  const { link, table } = options;
  const inverseId = link.options?.inverseLinkFieldId as string | undefined;
  if (inverseId && table.fieldById.has(inverseId)) {
    const rows = options.rows ?? (await fetchRows(options.tx, { table, ids: options.ids }));
    return [...new Set([...rows.values()].flatMap((row) => (row[inverseId] as string[] | null) ?? []))];
  }
  const dependentTable = options.base.tableById.get(link.tableId)!;
  const result = await options.tx.query<{ id: string }>(
    `SELECT id FROM ${recordTableSql(dependentTable)} WHERE ${quoteId(link.id)} && $1::text[]`,
    [options.ids],
  );
  return result.rows.map((row) => row.id);
}
