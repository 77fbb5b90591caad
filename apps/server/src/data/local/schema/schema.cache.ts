import type { SqlExecutor } from '../../../infra/db';
import { loadBaseModel } from './schema.repo';
import type { BaseModel } from './schema.model';

/** Per-process cache of base schemas keyed by the base's schema version (read on every request). */
export interface SchemaCache {
  get(db: SqlExecutor, base: { id: string; schemaVersion: number }): Promise<BaseModel>;
  /** Drops a base (after a write that changed its schema inside a transaction that may roll back). */
  forget(baseId: string): void;
}

/** Builds the cache; a newer version on any node makes the next request here reload. */
export function createSchemaCache(): SchemaCache {
  const cache = new Map<string, Promise<BaseModel>>();
  return {
    async get(db, base) {
      const cached = cache.get(base.id);
      if (cached) {
        const model = await cached.catch(() => null);
        if (model && model.version === base.schemaVersion) return model;
      }
      const loading = loadBaseModel(db, { id: base.id, version: base.schemaVersion });
      cache.set(base.id, loading);
      loading.catch(() => cache.delete(base.id));
      return loading;
    },
    forget(baseId) {
      cache.delete(baseId);
    },
  };
}
