import { AppError } from '@tableport/contracts';
import type { SecretStore } from '../../../platform/secrets/secrets.service';

/** Where a connected base's token comes from: a workspace secret, or the configured token. */
export interface TokenSource {
  /** The token for a connection; throws `airtable.token_missing` when there is none. */
  tokenFor(input: { workspaceId: string; secretId: string | null }): Promise<string>;
}

/**
 * Tokens from the platform's secret store (kind `airtable_token`), falling back to
 * `TABLEPORT_AIRTABLE_TOKEN` for connections made without a secret (DESIGN.md: config until the
 * secret store, then the secret store).
 */
export function createTokenSource(input: { secrets: Pick<SecretStore, 'reveal'>; configToken: string | undefined }): TokenSource {
  return {
    async tokenFor({ workspaceId, secretId }) {
      if (secretId === null) {
        if (input.configToken) return input.configToken;
        throw missing('it was connected without a secret and TABLEPORT_AIRTABLE_TOKEN is unset');
      }
      try {
        return await input.secrets.reveal({ workspaceId, id: secretId });
      } catch (error) {
        if (AppError.isInstance(error) && error.code === 'secret.not_found') throw missing(`its secret ${secretId} was deleted`);
        throw error;
      }
    },
  };
}

function missing(reason: string): AppError {
  return new AppError({ code: 'airtable.token_missing', message: `The Airtable base has no token: ${reason}` });
}
