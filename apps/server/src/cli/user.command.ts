import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import type { PlatformClient } from '../platform/cli/platform-client';
import { withPlatformClient, type CliOutput } from '../platform/cli/run-command';

/** `tableport user create --email E --name N [--password P]`: the password is generated (and printed once) when not given. */
export async function userCreate(
  client: PlatformClient,
  options: { email: string; name?: string; password?: string },
  out: CliOutput,
): Promise<void> {
  const password = options.password ?? randomBytes(15).toString('base64url');
  const user = await client.createUser({
    email: options.email,
    name: options.name ?? options.email.split('@')[0]!,
    password,
  });
  out.info(
    `created user ${user.id} <${user.email}> (${client.mode === 'server' ? 'through the server' : 'in the database'})`,
  );
  if (!options.password) out.result(`password (shown once): ${password}`);
}

/** `tableport user list`. */
export async function userList(client: PlatformClient, out: CliOutput): Promise<void> {
  for (const user of await client.listUsers())
    out.result(`${user.id}  ${user.email}  ${user.name}  ${user.createdAt}`);
}

/** Registers `tableport user create|list`. */
export function registerUserCommands(program: Command): void {
  const user = program
    .command('user')
    .description('Manage users (the first user becomes the instance owner).');
  user
    .command('create')
    .description(
      'Create a user with a password (works while the server runs, with TABLEPORT_URL and TABLEPORT_ADMIN_TOKEN).',
    )
    .requiredOption('--email <email>', 'email address (the sign-in name)')
    .option('--name <name>', 'display name (default: the part before @)')
    .option('--password <password>', 'at least 10 characters (default: generated and printed once)')
    .action((options: { email: string; name?: string; password?: string }) =>
      withPlatformClient((client, out) => userCreate(client, options, out)),
    );
  user
    .command('list')
    .description('List users.')
    .action(() => withPlatformClient((client, out) => userList(client, out)));
}
