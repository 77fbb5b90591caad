import { AppError } from '@tableport/contracts';
import type { Database } from '../../infra/db';
import type { BaseEntry } from '../data-source.types';
import { createComputeEngine, type ComputeEngine } from './compute/compute.engine';
import type { ConvertServices } from './records/records.convert';
import type { CommentCounter } from './records/records.present';
import type { SchemaCache } from './schema/schema.cache';
import { findTable, type BaseModel, type TableModel } from './schema/schema.model';

/** What the local driver's parts share. */
export interface LocalContext {
  db: Database;
  schemas: SchemaCache;
  services: ConvertServices;
  comments: CommentCounter;
  engineFor(base: BaseModel): ComputeEngine;
}

/** Builds the shared context; compute engines are cached per schema model. */
export function createLocalContext(options: Omit<LocalContext, 'engineFor'>): LocalContext {
  const engines = new WeakMap<BaseModel, ComputeEngine>();
  return {
    ...options,
    engineFor(base) {
      let engine = engines.get(base);
      if (!engine) {
        engine = createComputeEngine(base);
        engines.set(base, engine);
      }
      return engine;
    },
  };
}

/** `table.not_found` (403 on /v0, like Airtable). */
export function tableNotFound(idOrName: string): AppError {
  return new AppError({ code: 'table.not_found', message: `Could not find table ${idOrName}`, details: { table: idOrName } });
}

/** The base's model and the table a call names. */
export async function resolveTable(context: LocalContext, base: BaseEntry, tableIdOrName: string): Promise<{ model: BaseModel; table: TableModel }> {
  const model = await context.schemas.get(context.db, base);
  const table = findTable(model, tableIdOrName);
  if (!table) throw tableNotFound(tableIdOrName);
  return { model, table };
}
