import type { Caller, DataService } from '../data.service';
import type { FieldSchema } from '../data.types';
import { demoPlan, type PlannedRecord } from './demo.plan';

/** The name of the demo base. */
export const DEMO_BASE_NAME = 'Demo CRM';
// The local store takes any number of records per call: one transaction per table keeps a first start quick.
const BATCH = 100;

/**
 * Creates the demo CRM through the data service (so events, change sets and webhooks see it like
 * any other write): the tables, then the links (their inverse fields appear in the linked tables),
 * a formula, a rollup and a count, then about 200 records in dependency order.
 */
export async function createDemoBase(data: DataService, options: { caller: Caller; workspaceId?: string }): Promise<{ baseId: string; records: number }> {
  const { caller } = options;
  const plan = demoPlan();
  const base = await data.createBase({ caller, name: DEMO_BASE_NAME, tables: plan.tables, ...(options.workspaceId ? { workspaceId: options.workspaceId } : {}) });
  const baseId = base.id;
  const tableId = (name: string) => base.tables.find((table) => table.name === name)!.id;
  const fieldId = (table: string, name: string) => base.tables.find((candidate) => candidate.name === table)!.fields.find((field) => field.name === name)!.id;
  const field = (table: string, config: Parameters<DataService['createField']>[0]['field']) =>
    data.createField({ caller, baseId, tableIdOrName: tableId(table), field: config });
  const linkTo = async (table: string, name: string, target: string): Promise<FieldSchema> =>
    field(table, { name, type: 'multipleRecordLinks', options: { linkedTableId: tableId(target) } });
  await linkTo('Contacts', 'Company', 'Companies');
  const dealCompany = await linkTo('Deals', 'Company', 'Companies');
  await linkTo('Deals', 'Contact', 'Contacts');
  await field('Deals', { name: 'Weighted amount', type: 'formula', options: { formula: '{Amount} * {Probability}' } });
  const companyDeals = (dealCompany.options as { inverseLinkFieldId: string }).inverseLinkFieldId;
  await field('Companies', {
    name: 'Pipeline',
    type: 'rollup',
    options: { recordLinkFieldId: companyDeals, fieldIdInLinkedTable: fieldId('Deals', 'Amount'), formula: 'SUM(values)' },
  });
  await field('Companies', { name: 'Deal count', type: 'count', options: { recordLinkFieldId: companyDeals } });

  const created: Record<string, string[]> = {};
  const create = async (table: 'Companies' | 'Contacts' | 'Deals', records: PlannedRecord[]) => {
    created[table] = [];
    for (let start = 0; start < records.length; start += BATCH) {
      const batch = records.slice(start, start + BATCH).map((record) => ({ fields: { ...record.fields, ...linkCells(record, created) } }));
      const result = await data.createRecords({ caller, baseId, tableIdOrName: tableId(table), records: batch });
      created[table].push(...result.records.map((record) => record.id));
    }
  };
  await create('Companies', plan.records.Companies);
  await create('Contacts', plan.records.Contacts);
  await create('Deals', plan.records.Deals);
  return { baseId, records: Object.values(created).reduce((sum, ids) => sum + ids.length, 0) };
}

function linkCells(record: PlannedRecord, created: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(record.links ?? {}).map(([name, link]) => [name, [created[link.table]![link.index]!]]));
}
