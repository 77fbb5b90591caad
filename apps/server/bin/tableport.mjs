#!/usr/bin/env node
// The `tableport` command. Runs the built bundle (dist/cli.js); builds it first if it is missing
// (a fresh clone installed with --ignore-scripts, for example).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (!existsSync(bundle)) {
  const build = fileURLToPath(new URL('../../../scripts/build.mjs', import.meta.url));
  const result = spawnSync(process.execPath, [build], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
await import(bundle);
