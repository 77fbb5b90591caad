import type { Command } from 'commander';
import type { PlatformClient } from '../platform/cli/platform-client';
import { withPlatformClient, type CliOutput } from '../platform/cli/run-command';

/** `tableport secrets rotate`: a new data key version; every secret re-encrypted under it. */
export async function secretsRotate(client: PlatformClient, out: CliOutput): Promise<void> {
  const rotated = await client.rotateSecrets();
  out.result(`data key v${rotated.version}: ${rotated.reencrypted} secret(s) re-encrypted`);
}

/** Registers `tableport secrets rotate`. */
export function registerSecretsCommands(program: Command): void {
  const secrets = program
    .command('secrets')
    .description('Encrypted secrets (Airtable tokens, LLM keys, webhook secrets).');
  secrets
    .command('rotate')
    .description(
      'Re-encrypt every secret under a new data key. To change TABLEPORT_SECRET_KEY itself: set the new one, ' +
        'put the old one in TABLEPORT_SECRET_KEY_PREVIOUS and restart (data keys are re-wrapped at startup).',
    )
    .action(() => withPlatformClient((client, out) => secretsRotate(client, out)));
}
