import { AppError } from '@tableport/contracts';
import type { Caller, DataService, FieldValues, TableSchema } from '../../data';
import { recordsByIds } from './search.run';
import type { DiffEntry } from './write.output';

interface DiffInput {
  data: DataService;
  caller: Caller;
  baseId: string;
  table: TableSchema | null;
  tableId: string;
}

const nameOf = (table: TableSchema | null, key: string) =>
  table?.fields.find((field) => field.id === key)?.name ?? key;
const empty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
const same = (left: unknown, right: unknown) =>
  (empty(left) && empty(right)) || JSON.stringify(left) === JSON.stringify(right);

async function current(input: DiffInput, ids: readonly string[]) {
  const records = await recordsByIds({ ...input, ids });
  const byId = new Map(records.map((record) => [record.id, record.fields]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0) {
    throw new AppError({
      code: 'record.not_found',
      message: `Record not found: ${missing.join(', ')}`,
      details: { recordIds: missing },
    });
  }
  return byId;
}

/** Dry run of updates: per record, the cells whose value would change. */
export async function updateDiff(
  input: DiffInput & { records: readonly { id: string; fields: FieldValues }[]; replace: boolean },
): Promise<DiffEntry[]> {
  const before = await current(
    input,
    input.records.map((record) => record.id),
  );
  return input.records.map((record) => {
    const now = before.get(record.id)!;
    const given = new Map(
      Object.entries(record.fields).map(([key, value]) => [nameOf(input.table, key), value]),
    );
    const names = input.replace ? new Set([...given.keys(), ...Object.keys(now)]) : new Set(given.keys());
    const changes: DiffEntry['changes'] = {};
    for (const name of names) {
      const after = given.get(name) ?? null;
      if (!same(now[name], after)) changes[name] = { before: now[name] ?? null, after };
    }
    return { op: 'update' as const, id: record.id, changes };
  });
}

/** Dry run of deletes: every non-empty cell of each record goes. */
export async function deleteDiff(input: DiffInput & { recordIds: readonly string[] }): Promise<DiffEntry[]> {
  const before = await current(input, input.recordIds);
  return input.recordIds.map((id) => ({
    op: 'delete' as const,
    id,
    changes: Object.fromEntries(
      Object.entries(before.get(id)!).map(([name, value]) => [name, { before: value, after: null }]),
    ),
  }));
}

/** Dry run of creates: every given cell appears. */
export function createDiff(
  table: TableSchema | null,
  records: readonly { fields: FieldValues }[],
): DiffEntry[] {
  return records.map((record) => ({
    op: 'create' as const,
    changes: Object.fromEntries(
      Object.entries(record.fields).map(([key, value]) => [
        nameOf(table, key),
        { before: null, after: value },
      ]),
    ),
  }));
}
