import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

/**
 * The apps/server folder, found by walking up from this module (works from src/ under vitest/tsx
 * and from the dist/ bundle). Migrations and the built web app are located from here.
 */
export function serverRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === '@tableport/server'
    ) {
      cachedRoot = dir;
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error('apps/server/package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

/** The folder of SQL migrations (drizzle-kit output plus hand-written down files). */
export const migrationsDir = (): string => path.join(serverRoot(), 'drizzle');

/** The built web app (apps/web/dist). */
export const webDistDir = (): string => path.join(serverRoot(), '..', 'web', 'dist');

/** Version of the server package. */
export function serverVersion(): string {
  return (JSON.parse(readFileSync(path.join(serverRoot(), 'package.json'), 'utf8')) as { version: string })
    .version;
}

/** Migrated PGlite data dir (gzip tarball) made by `npm run build`, for fast first starts. */
export const pgliteTemplateFile = (): string => path.join(serverRoot(), 'dist', 'pglite-template.tar.gz');
