import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '@tableport/contracts';
import type { AppConfig } from './config';

const FILE_NAME = 'secret.key';

/**
 * The key that encrypts secrets at rest. From TABLEPORT_SECRET_KEY when set; on embedded defaults
 * generated once (crypto-random) into `<dataDir>/secret.key` with mode 0600 and reused after.
 */
export function resolveSecretKey(config: AppConfig): { key: string; source: 'env' | 'file' | 'generated' } {
  if (config.security.secretKey) return { key: config.security.secretKey.toLowerCase(), source: 'env' };
  const file = path.join(config.storage.dataDir, FILE_NAME);
  try {
    const stored = readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/.test(stored)) {
      throw new AppError({
        code: 'config.invalid',
        message: `TABLEPORT_SECRET_KEY: the stored key in ${file} is not 64 hex characters`,
      });
    }
    return { key: stored, source: 'file' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(config.storage.dataDir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return { key, source: 'generated' };
}
