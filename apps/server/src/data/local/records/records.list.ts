import { AppError } from '@tableport/contracts';
import { bindFormula, joinSql, planFilter, renderSql, sql, type FilterPlan, type Sql } from '@tableport/formula';
import type { SqlExecutor } from '../../../infra/db';
import type { ListRecordsOptions, RecordPage } from '../../data.types';
import { formulaCells, type LinkedData, type LinkedRecord } from '../compute/compute.values';
import { recordTableSql, type BaseModel, type TableModel } from '../schema/schema.model';
import { cellsById, fetchRows, selectList, type RecordRow } from './record.row';
import { presentPage, type PageDeps } from './records.present';
import { linkedDataFor } from './records.linked';
import { createResolver } from './records.resolver';
import { orderBySql, sortRows } from './records.sort';
import { createIteratorFromIds, offsetOf, paramsHash, readIteratorPage } from './records.iterator';
import { listPlanInput, type ListPlanInput } from './list.params';

/** One list call on a local table. */
export interface ListCall {
  db: SqlExecutor;
  deps: PageDeps;
  base: BaseModel;
  table: TableModel;
  options: Omit<ListRecordsOptions, 'baseId' | 'tableIdOrName'>;
}

/**
 * Lists records. Filters compile to SQL through packages/formula where SQL is exact, the rest runs
 * in process; later pages come from an iterator of ordered ids stored in the database, so any node
 * can serve them (docs/airtable-compatibility.md, pagination).
 */
export async function listRecords(call: ListCall): Promise<RecordPage> {
  const input = listPlanInput(call.table, call.options);
  const hash = paramsHash(input.hash);
  if (call.options.offset) {
    const page = await readIteratorPage(call.db, { offset: call.options.offset, tableId: call.table.id, hash, pageSize: input.pageSize });
    const rows = await fetchRows(call.db, { table: call.table, ids: page.ids });
    const ordered = page.ids.flatMap((id) => rows.get(id) ?? []);
    return presentPage(call, input, ordered, page.next);
  }
  const now = Date.now();
  const resolver = createResolver(call.table, now);
  const plans = input.filters.map((text) => planFilter(bindFilter(text, resolver.fields), { resolver, now, cellKey: 'id' }));
  const wheres = plans.flatMap((plan) => (plan.where ? [sql`(${plan.where})`] : []));
  const where: Sql = wheres.length > 0 ? sql` WHERE ${joinSql(wheres, ' AND ')}` : [];
  const orderBy = orderBySql(input.sort);
  const exact = plans.every((plan) => plan.residual === null && plan.recheck === null);
  if (exact && orderBy) return listInSql({ call, input, hash, where, orderBy });
  return listInProcess({ call, input, hash, where, orderBy, plans });
}

function bindFilter(text: string, fields: Parameters<typeof bindFormula>[1]['fields']) {
  try {
    return bindFormula(text, { fields });
  } catch (error) {
    if (AppError.isInstance(error) && error.code.startsWith('formula.')) {
      throw new AppError({
        code: error.code,
        message: `The formula for filtering records is invalid: ${error.message}`,
        details: error.details,
        cause: error,
      });
    }
    throw error;
  }
}

interface Planned {
  call: ListCall;
  input: ListPlanInput;
  hash: string;
  where: Sql;
  orderBy: Sql | null;
}

// One scan: the ordered ids come back (a few hundred kB for 100k records), the first page is fetched
// by primary key, and only a list longer than a page stores an iterator for the next ones.
async function listInSql(planned: Planned & { orderBy: Sql }): Promise<RecordPage> {
  const { call, input, where, orderBy } = planned;
  const limit = input.maxRecords === null ? [] : [` LIMIT ${input.maxRecords}`];
  const query = renderSql(sql`SELECT t.id FROM ${[recordTableSql(call.table)]} t${where} ORDER BY ${orderBy}${limit}`);
  const ids = (await call.db.query<{ id: string }>(query.text, query.params)).rows.map((row) => row.id);
  const first = ids.slice(0, input.pageSize);
  const rows = await fetchRows(call.db, { table: call.table, ids: first });
  const ordered = first.flatMap((id) => rows.get(id) ?? []);
  if (ids.length <= input.pageSize) return presentPage(call, input, ordered, undefined);
  const iterator = await createIteratorFromIds(call.db, { tableId: call.table.id, hash: planned.hash, ids });
  return presentPage(call, input, ordered, offsetOf(iterator, input.pageSize));
}

async function listInProcess(planned: Planned & { plans: FilterPlan[] }): Promise<RecordPage> {
  const { call, input, where, orderBy, plans } = planned;
  const rechecks = plans.map((plan, index) => (plan.recheck ? sql`, (${plan.recheck}) AS ${[`"__recheck${index}"`]}` : []));
  const query = renderSql(
    sql`SELECT ${[selectList(call.table)]}${rechecks.flat()} FROM ${[recordTableSql(call.table)]} t${where} ORDER BY ${orderBy ?? ['t.seq']}`,
  );
  const rows = (await call.db.query<RecordRow>(query.text, query.params)).rows;
  const evaluated = plans.some((plan) => plan.residual !== null || plan.recheck !== null);
  const linked: LinkedData = evaluated ? await linkedDataFor(call.db, { base: call.base, table: call.table, rows }) : new Map<string, Map<string, LinkedRecord>>();
  let kept = rows.filter((row) => {
    if (!evaluated) return true;
    const record = { id: row.id, createdTime: row.created_time, lastModifiedTime: row.modified_time ?? row.created_time, cells: cellsById(row, call.table) };
    const fields = formulaCells({ table: call.table, record, linked });
    return plans.every((plan, index) => plan.matches({ ...record, fields }, row[`__recheck${index}`] === true));
  });
  if (!orderBy) kept = sortRows(kept, input.sort);
  if (input.maxRecords !== null) kept = kept.slice(0, input.maxRecords);
  if (kept.length <= input.pageSize) return presentPage(call, input, kept, undefined);
  const id = await createIteratorFromIds(call.db, { tableId: call.table.id, hash: planned.hash, ids: kept.map((row) => row.id) });
  return presentPage(call, input, kept.slice(0, input.pageSize), offsetOf(id, input.pageSize));
}
