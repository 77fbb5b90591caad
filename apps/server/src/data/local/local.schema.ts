import type { DataSource } from '../data-source.types';
import { registerBase } from '../data.registry';
import { tableNotFound, type LocalContext } from './local.context';
import { fieldRenamer, tableRenamer } from './schema/schema.rename';
import { toFieldSchema, toTableSchema } from './schema/schema.shape';
import { loadBaseModel, bumpSchemaVersion, insertFieldRow } from './schema/schema.repo';
import { baseModel, findTable, recordTableSql, tableModel, type BaseModel } from './schema/schema.model';
import { checkName, createTableInTx } from './schema/table.create';
import { createBaseSchema, addFieldColumn } from './schema/table.ddl';
import { newField } from './schema/field.options';

type SchemaOps = Pick<DataSource, 'createBase' | 'getBaseSchema' | 'createTable' | 'updateTable' | 'createField' | 'updateField'>;

async function modelInTx(context: LocalContext, tx: Parameters<Parameters<LocalContext['db']['transaction']>[0]>[0], baseId: string): Promise<BaseModel> {
  const version = await tx.query<{ schema_version: number }>('SELECT schema_version FROM data_bases WHERE id = $1 FOR UPDATE', [baseId]);
  return loadBaseModel(tx, { id: baseId, version: version.rows[0]!.schema_version });
}

/** Schema operations of the local store: each runs in one transaction and bumps the schema version. */
export function localSchemaOps(context: LocalContext): SchemaOps {
  const { db, schemas } = context;
  return {
    async createBase({ base, tables, context: write }) {
      const created = await db.transaction(async (tx) => {
        await registerBase(tx, base);
        await createBaseSchema(tx, base.id);
        let model = baseModel({ id: base.id, version: 1, tables: [] });
        const changes = [];
        for (const config of tables) {
          const result = await createTableInTx(tx, model, config);
          model = result.base;
          changes.push(...result.changes);
        }
        await write.journal.commit(tx, { schema: [{ type: 'base.created', after: { id: base.id, name: base.name } }, ...changes] });
        return model;
      });
      return { tables: created.tables.map((table) => toTableSchema(table)) };
    },
    async getBaseSchema({ base, includeVisibleFieldIds }) {
      const model = await schemas.get(db, base);
      return { tables: model.tables.map((table) => toTableSchema(table, { includeVisibleFieldIds })) };
    },
    async createTable({ base, table: config, context: write }) {
      const table = await db.transaction(async (tx) => {
        const model = await modelInTx(context, tx, base.id);
        const result = await createTableInTx(tx, model, config);
        await bumpSchemaVersion(tx, base.id);
        await write.journal.commit(tx, { schema: result.changes });
        return result.table;
      });
      schemas.forget(base.id);
      return toTableSchema(table);
    },
    async updateTable({ base, tableIdOrName, changes, context: write }) {
      const table = await db.transaction(async (tx) => {
        const model = await modelInTx(context, tx, base.id);
        return tableRenamer({ tx, model, tableIdOrName, changes, journal: write.journal });
      });
      schemas.forget(base.id);
      return toTableSchema(table);
    },
    async createField({ base, tableIdOrName, field: config, context: write }) {
      const field = await db.transaction(async (tx) => {
        const model = await modelInTx(context, tx, base.id);
        const table = findTable(model, tableIdOrName);
        if (!table) throw tableNotFound(tableIdOrName);
        const name = checkName({ name: config.name, taken: table.fields.map((other) => other.name), kind: 'field' });
        const created = newField({ config: { ...config, name }, table, base: model });
        const changes = [];
        for (const added of [created.field, ...(created.inverse ? [created.inverse] : [])]) {
          await insertFieldRow(tx, { ...added, baseId: base.id });
          await addFieldColumn(tx, { baseId: base.id, id: added.tableId }, added);
          changes.push({ type: 'field.created' as const, tableId: added.tableId, fieldId: added.id, after: toFieldSchema(added) });
        }
        await bumpSchemaVersion(tx, base.id);
        const after = tableModel({ ...table, fields: [...table.fields, created.field] });
        await backfillComputed(context, tx, { model: baseModel({ ...model, tables: model.tables.map((other) => (other.id === table.id ? after : other)) }), tableId: table.id, fieldId: created.field.id });
        await write.journal.commit(tx, { schema: changes });
        return created.field;
      });
      schemas.forget(base.id);
      return toFieldSchema(field);
    },
    async updateField({ base, tableIdOrName, fieldId, changes, context: write }) {
      const field = await db.transaction(async (tx) => {
        const model = await modelInTx(context, tx, base.id);
        return fieldRenamer({ tx, model, tableIdOrName, fieldId, changes, journal: write.journal });
      });
      schemas.forget(base.id);
      return toFieldSchema(field);
    },
  };
}

/** Computes a new computed field for every existing record of its table. */
async function backfillComputed(
  context: LocalContext,
  tx: Parameters<Parameters<LocalContext['db']['transaction']>[0]>[0],
  options: { model: BaseModel; tableId: string; fieldId: string },
): Promise<void> {
  const table = options.model.tableById.get(options.tableId)!;
  const field = table.fieldById.get(options.fieldId)!;
  if (!['formula', 'count', 'multipleLookupValues', 'rollup'].includes(field.type)) return;
  const ids = await tx.query<{ id: string }>(`SELECT id FROM ${recordTableSql(table)}`);
  if (ids.rows.length === 0) return;
  await context.engineFor(options.model).run(tx, [{ table, ids: ids.rows.map((row) => row.id), changed: 'all' }]);
}
