import { defineConfig } from 'drizzle-kit';

// drizzle-kit generates UP migrations only; each gets a hand-written `<tag>.down.sql` beside it,
// applied by Tableport's own runner (src/infra/db/migrations.ts). Generate with:
//   flock /tmp/tableport-migrate.lock npx drizzle-kit generate --config apps/server/drizzle.config.ts --name <name>
export default defineConfig({
  dialect: 'postgresql',
  schema: './apps/server/src/**/*.tables.ts',
  out: './apps/server/drizzle',
});
