import { cliSetup, fail } from '../../cli/cli-context';
import { openPlatformClient } from './open-client';
import type { PlatformClient } from './platform-client';

/** Where a command writes: results (tokens, lists) to stdout, notes to stderr. */
export interface CliOutput {
  result(line: string): void;
  info(line: string): void;
}

const stdio: CliOutput = {
  result: (line) => void process.stdout.write(`${line}\n`),
  info: (line) => void process.stderr.write(`${line}\n`),
};

/** Runs a platform command with a client (server API or database), closes it, and exits 1 on error. */
export async function withPlatformClient(
  run: (client: PlatformClient, out: CliOutput) => Promise<void>,
): Promise<void> {
  const { config, logger } = cliSetup();
  let client: PlatformClient | undefined;
  try {
    client = await openPlatformClient({ config, logger });
    await run(client, stdio);
    await client.close();
  } catch (error) {
    await client?.close().catch(() => undefined);
    fail(error);
  }
}
