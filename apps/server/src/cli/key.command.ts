import type { Command } from 'commander';
import type { PlatformClient } from '../platform/cli/platform-client';
import { withPlatformClient, type CliOutput } from '../platform/cli/run-command';

const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** `tableport key create`: prints the token once, on stdout alone (details go to stderr). */
export async function keyCreate(
  client: PlatformClient,
  options: { name: string; scopes: string; base?: string; user?: string; expires?: string },
  out: CliOutput,
): Promise<void> {
  const created = await client.createKey({
    name: options.name,
    scopes: list(options.scopes) ?? [],
    ...(options.base ? { baseIds: list(options.base) } : {}),
    ...(options.user ? { userEmail: options.user } : {}),
    ...(options.expires ? { expiresAt: new Date(options.expires).toISOString() } : {}),
  });
  const { key } = created;
  out.info(
    `created key ${key.id} "${key.name}" for ${key.userId}: ${key.scopes.join(', ')}${key.baseIds ? ` on ${key.baseIds.join(', ')}` : ''}`,
  );
  out.info('the token below is shown once; store it now');
  out.result(created.token);
}

/** `tableport key list`: keys without their tokens. */
export async function keyList(client: PlatformClient, out: CliOutput): Promise<void> {
  for (const key of await client.listKeys()) {
    const state = key.revokedAt ? 'revoked' : `last used ${key.lastUsedAt ?? 'never'}`;
    out.result(
      `${key.id}  ${key.tokenPrefix}…  ${key.name}  ${key.userId}  ${key.scopes.join(',')}  ${state}`,
    );
  }
}

/** `tableport key revoke <id>`. */
export async function keyRevoke(client: PlatformClient, id: string, out: CliOutput): Promise<void> {
  await client.revokeKey(id);
  out.result(`revoked ${id}`);
}

/** Registers `tableport key create|list|revoke`. */
export function registerKeyCommands(program: Command): void {
  const key = program
    .command('key')
    .description('Manage API keys (personal access tokens) for /api, /v0 and /mcp.');
  key
    .command('create')
    .description('Create a key; prints its token once.')
    .requiredOption('--name <name>', 'what the key is for')
    .requiredOption('--scopes <scopes>', 'comma-separated, e.g. data.records:read,schema.bases:read')
    .option('--base <ids>', 'comma-separated base ids the key is limited to')
    .option('--user <email>', 'whose key (default: the instance owner)')
    .option('--expires <date>', 'ISO date after which the key stops working')
    .action((options: { name: string; scopes: string; base?: string; user?: string; expires?: string }) =>
      withPlatformClient((client, out) => keyCreate(client, options, out)),
    );
  key
    .command('list')
    .description('List keys (never their tokens).')
    .action(() => withPlatformClient((client, out) => keyList(client, out)));
  key
    .command('revoke')
    .description('Revoke a key: it stops working at once.')
    .argument('<id>', 'the key id (key…)')
    .action((id: string) => withPlatformClient((client, out) => keyRevoke(client, id, out)));
}
