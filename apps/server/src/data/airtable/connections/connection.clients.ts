import type { AirtableClient } from '@tableport/airtable';
import { AppError } from '@tableport/contracts';
import type { SqlExecutor } from '../../../infra/db';
import type { BaseEntry } from '../../data-source.types';
import type { AirtableGateway } from '../airtable.gateway';
import { connectionsRepo } from './connections.repo';
import type { TokenSource } from './token.source';

/** Finds the scheduled client of a connected base. */
export interface ConnectionClients {
  clientFor(base: Pick<BaseEntry, 'id' | 'workspaceId'>): Promise<AirtableClient>;
  /** Drops the remembered token of a base (disconnect, token change). */
  forget(baseId: string): void;
}

/**
 * Resolves a base's token (a decrypted secret) at most every `ttlMs` per base, so a burst of
 * calls does not read and decrypt the secret each time; the gateway keeps one client per token.
 */
export function createConnectionClients(input: {
  db: SqlExecutor;
  gateway: AirtableGateway;
  tokens: TokenSource;
  ttlMs?: number;
}): ConnectionClients {
  const remembered = new Map<string, { token: Promise<string>; until: number }>();
  const ttlMs = input.ttlMs ?? 30_000;
  const resolve = async (base: Pick<BaseEntry, 'id' | 'workspaceId'>) => {
    const connection = await connectionsRepo.find(input.db, base.id);
    if (!connection) {
      throw new AppError({ code: 'airtable.not_connected', message: `Base ${base.id} is not a connected Airtable base` });
    }
    return input.tokens.tokenFor({ workspaceId: base.workspaceId, secretId: connection.secretId });
  };
  return {
    async clientFor(base) {
      let entry = remembered.get(base.id);
      if (!entry || entry.until <= Date.now()) {
        entry = { token: resolve(base), until: Date.now() + ttlMs };
        remembered.set(base.id, entry);
        entry.token.catch(() => remembered.delete(base.id));
      }
      return input.gateway.client(await entry.token);
    },
    forget: (baseId) => void remembered.delete(baseId),
  };
}
