import { AppError } from '@tableport/contracts';
import type { Hono } from 'hono';
import type { AppEnv } from '../../gateway/gateway.types';
import type { DataService } from '../data.service';
import type { FieldConfig, NameChanges, TableConfig } from '../data.types';
import { isObject, jsonBody } from './v0.body';
import { arrayParam, queryOf } from './v0.query';
import { route, v0Caller } from './v0.records.routes';

const invalid = (message: string) => new AppError({ code: 'request.invalid', message });

function fieldConfig(value: unknown, where: string): FieldConfig {
  if (!isObject(value) || typeof value.name !== 'string' || typeof value.type !== 'string') {
    throw invalid(`${where} needs a name and a type`);
  }
  if (value.options !== undefined && value.options !== null && !isObject(value.options)) throw invalid(`${where}.options must be an object`);
  if (value.description !== undefined && typeof value.description !== 'string') throw invalid(`${where}.description must be a string`);
  return {
    name: value.name,
    type: value.type as FieldConfig['type'],
    ...(typeof value.description === 'string' ? { description: value.description } : {}),
    ...(isObject(value.options) ? { options: value.options } : {}),
  };
}

function tableConfig(value: unknown, where: string): TableConfig {
  if (!isObject(value) || typeof value.name !== 'string') throw invalid(`${where} needs a name`);
  if (!Array.isArray(value.fields) || value.fields.length === 0) throw invalid(`${where} needs at least one field`);
  if (value.description !== undefined && typeof value.description !== 'string') throw invalid(`${where}.description must be a string`);
  return {
    name: value.name,
    ...(typeof value.description === 'string' ? { description: value.description } : {}),
    fields: value.fields.map((field: unknown, index) => fieldConfig(field, `${where}.fields[${index}]`)),
  };
}

function nameChanges(body: Record<string, unknown>): NameChanges & { type?: unknown; options?: unknown } {
  for (const key of ['name', 'description'] as const) {
    if (body[key] !== undefined && typeof body[key] !== 'string') throw invalid(`${key} must be a string`);
  }
  return {
    ...(typeof body.name === 'string' ? { name: body.name } : {}),
    ...(typeof body.description === 'string' ? { description: body.description } : {}),
    ...(body.type !== undefined ? { type: body.type } : {}),
    ...(body.options !== undefined ? { options: body.options } : {}),
  };
}

/** The metadata API: whoami, bases, base schema, tables and fields (table id or name in paths). */
export function metaRoutes(app: Hono<AppEnv>, service: DataService): void {
  for (const path of ['/meta/whoami', '/meta/whoami/']) {
    app.get(path, async (c) => c.json(await service.whoami({ caller: v0Caller(c) })));
  }
  for (const path of ['/meta/bases', '/meta/bases/']) {
    app.get(path, async (c) => {
      const offset = queryOf(c.req.url).get('offset') || undefined;
      return c.json(await service.listBases({ caller: v0Caller(c), ...(offset ? { offset } : {}) }));
    });
    app.post(path, async (c) => {
      const body = await jsonBody(c);
      if (typeof body.name !== 'string') throw invalid('name is required');
      if (!Array.isArray(body.tables) || body.tables.length === 0) throw invalid('tables must list at least one table');
      if (body.workspaceId !== undefined && typeof body.workspaceId !== 'string') throw invalid('workspaceId must be a string');
      const tables = body.tables.map((table: unknown, index) => tableConfig(table, `tables[${index}]`));
      const workspaceId = typeof body.workspaceId === 'string' ? body.workspaceId : undefined;
      return c.json(await service.createBase({ caller: v0Caller(c), name: body.name, tables, ...(workspaceId ? { workspaceId } : {}) }));
    });
  }
  route(app, 'get', '/meta/bases/:baseId/tables', async (c, { baseId }) => {
    const include = [...(arrayParam(queryOf(c.req.url), 'include') ?? [])];
    const includeVisibleFieldIds = include.includes('visibleFieldIds');
    return c.json(await service.getBaseSchema({ caller: v0Caller(c), baseId, includeVisibleFieldIds }));
  });
  route(app, 'post', '/meta/bases/:baseId/tables', async (c, { baseId }) => {
    const table = tableConfig(await jsonBody(c), 'table');
    return c.json(await service.createTable({ caller: v0Caller(c), baseId, table }));
  });
  route(app, 'patch', '/meta/bases/:baseId/tables/:table', async (c, { baseId, tableIdOrName }) => {
    const changes = nameChanges(await jsonBody(c));
    return c.json(await service.updateTable({ caller: v0Caller(c), baseId, tableIdOrName, changes }));
  });
  route(app, 'post', '/meta/bases/:baseId/tables/:table/fields', async (c, { baseId, tableIdOrName }) => {
    const field = fieldConfig(await jsonBody(c), 'field');
    return c.json(await service.createField({ caller: v0Caller(c), baseId, tableIdOrName, field }));
  });
  route(app, 'patch', '/meta/bases/:baseId/tables/:table/fields/:fieldId', async (c, { baseId, tableIdOrName }) => {
    const changes = nameChanges(await jsonBody(c));
    const fieldId = c.req.param('fieldId')!;
    return c.json(await service.updateField({ caller: v0Caller(c), baseId, tableIdOrName, fieldId, changes }));
  });
}
