import { AppError } from '@tableport/contracts';
import type { ListRecordsOptions } from '../../data.types';
import { isTimeZone } from '../fields/zone.time';
import type { FieldModel, TableModel, ViewModel } from '../schema/schema.model';
import { fieldByKey } from './records.fields';
import type { SortKey } from './records.sort';

/** A list call's parameters, checked and resolved against the table. */
export interface ListPlanInput {
  pageSize: number;
  maxRecords: number | null;
  fields: FieldModel[] | undefined;
  view: ViewModel | null;
  sort: SortKey[];
  filters: string[];
  /** Decides membership and order: a later page must come with the same. */
  hash: Record<string, unknown>;
}

const invalid = (message: string) => new AppError({ code: 'request.invalid', message });

function integer(value: unknown, name: string, range: [number, number]): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < range[0] || value > range[1]) {
    throw invalid(`${name} must be an integer from ${range[0]} to ${range[1]}`);
  }
  return value;
}

/** The view a list names: id first, then name (`view.id_not_found` / `view.not_found`). */
export function findView(table: TableModel, idOrName: string): ViewModel {
  const view = table.views.find((candidate) => candidate.id === idOrName) ?? table.views.find((candidate) => candidate.name === idOrName);
  if (view) return view;
  if (/^viw[A-Za-z0-9]{14}$/.test(idOrName)) {
    throw new AppError({ code: 'view.id_not_found', message: `View ${idOrName} not found` });
  }
  throw new AppError({ code: 'view.not_found', message: `View ${idOrName} not found` });
}

/** Checks and resolves list parameters (page size 1..100, unknown fields, views, sort keys). */
export function listPlanInput(table: TableModel, options: Omit<ListRecordsOptions, 'baseId' | 'tableIdOrName'>): ListPlanInput {
  const pageSize = integer(options.pageSize ?? 100, 'pageSize', [1, 100]);
  const maxRecords = options.maxRecords === undefined ? null : integer(options.maxRecords, 'maxRecords', [1, Number.MAX_SAFE_INTEGER]);
  checkStringFormat(options);
  const fields = options.fields?.map((key) => fieldByKey(table, key));
  const view = options.view ? findView(table, options.view) : null;
  const sort = (options.sort ?? []).map((spec) => {
    if (spec.direction !== undefined && spec.direction !== 'asc' && spec.direction !== 'desc') {
      throw invalid(`sort direction must be asc or desc, not ${String(spec.direction)}`);
    }
    return { field: fieldByKey(table, spec.field), direction: spec.direction ?? 'asc' } satisfies SortKey;
  });
  const viewSort = (view?.sorts ?? []).flatMap((spec) => {
    const field = table.fieldById.get(spec.fieldId);
    return field ? [{ field, direction: spec.direction }] : [];
  });
  const effectiveSort = sort.length > 0 ? sort : viewSort;
  const filters = [view?.filterFormula, options.filterByFormula].filter((text): text is string => typeof text === 'string' && text.trim() !== '');
  return {
    pageSize,
    maxRecords,
    fields,
    view,
    sort: effectiveSort,
    filters,
    hash: {
      table: table.id,
      filters,
      sort: effectiveSort.map((key) => [key.field.id, key.direction]),
      maxRecords,
    },
  };
}

/** cellFormat=string needs a valid `timeZone` and `userLocale` (Airtable: both required). */
export function checkStringFormat(options: { cellFormat?: string; timeZone?: string; userLocale?: string }): void {
  if (options.cellFormat === undefined || options.cellFormat === 'json') return;
  if (options.cellFormat !== 'string') throw invalid('cellFormat must be json or string');
  if (!options.timeZone || !options.userLocale) throw invalid('cellFormat=string requires timeZone and userLocale');
  if (!isTimeZone(options.timeZone)) throw invalid(`Unknown timeZone ${options.timeZone}`);
  try {
    Intl.getCanonicalLocales(options.userLocale);
  } catch {
    throw invalid(`Unknown userLocale ${options.userLocale}`);
  }
}
