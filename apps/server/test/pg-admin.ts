import { openPostgresDatabase } from '../src/infra/db';

/** The same server URL pointing at another database (default: the URL's own). */
export function adminUrl(url: string, database?: string): string {
  if (!database) return url;
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export const templateName = (runId: string): string => `tp_${runId}_tpl`;

/** Drops every database of the run (`tp_<runId>_*`), ending their connections first. */
export async function dropRunDatabases(url: string, runId: string): Promise<void> {
  const admin = await openPostgresDatabase({ url, poolMax: 1 });
  try {
    const result = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`tp_${runId}_%`],
    );
    for (const { datname } of result.rows) {
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [datname],
      );
      await admin.exec(`DROP DATABASE IF EXISTS "${datname}"`);
    }
  } finally {
    await admin.close();
  }
}
