import { AppError } from '@tableport/contracts';
import { loadConfig, loadEnv, type AppConfig } from '../config';
import { createLogger, type Logger } from '../infra/log/logger';

/** Config and logger for a CLI command; prints invalid config and exits 1. */
export function cliSetup(overrides: Record<string, string | undefined> = {}): {
  config: AppConfig;
  logger: Logger;
} {
  const env = {
    ...loadEnv(),
    ...Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)),
  };
  try {
    const config = loadConfig(env);
    return { config, logger: createLogger({ level: config.log.level }) };
  } catch (error) {
    fail(error);
  }
}

/** Prints an error for a person (code + message, no stack for known errors) and exits 1. */
export function fail(error: unknown): never {
  if (AppError.isInstance(error) && error.fault !== 'bug') {
    process.stderr.write(`tableport: ${error.message}\n  (${error.code})\n`);
  } else {
    process.stderr.write(`tableport: unexpected error\n${(error as Error)?.stack ?? String(error)}\n`);
  }
  process.exit(1);
}
