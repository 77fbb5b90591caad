// Builds what `npm start` runs: the server bundle (esbuild; workspace packages inlined, npm
// dependencies external) and the web app (Vite). Runs on `npm install` (prepare) and `npm run build`.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv[2];

/** Bundles @tableport/* sources; leaves every other bare import to node_modules. */
const workspaceInline = {
  name: 'workspace-inline',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@tableport/') ? undefined : { path: args.path, external: true },
    );
  },
};

async function buildServer() {
  const started = Date.now();
  await build({
    entryPoints: { cli: `${root}apps/server/src/cli/main.ts` },
    outdir: `${root}apps/server/dist`,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    plugins: [workspaceInline],
    logLevel: 'warning',
  });
  console.log(`server bundle built in ${Date.now() - started} ms`);
  // A migrated embedded database to copy on first start (fast first boot).
  const template = spawnSync(
    process.execPath,
    [
      `${root}apps/server/dist/cli.js`,
      'internal',
      'build-template',
      '--out',
      `${root}apps/server/dist/pglite-template.tar.gz`,
    ],
    { stdio: 'inherit' },
  );
  if (template.status !== 0) throw new Error('building the PGlite template failed');
  console.log('embedded database template built');
}

function buildWeb() {
  if (!existsSync(`${root}apps/web/index.html`)) return;
  const result = spawnSync(
    process.execPath,
    [`${root}node_modules/vite/bin/vite.js`, 'build', '--logLevel', 'warn'],
    {
      cwd: `${root}apps/web`,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('web build failed');
  console.log('web app built');
}

if (only !== 'web') await buildServer();
if (only !== 'server') buildWeb();
