import { randomBytes } from 'node:crypto';
import { newId } from '@tableport/contracts';
import type { SqlExecutor } from '../../infra/db';
import type { FileStore, StoredFile } from './files.types';

interface Row {
  id: string;
  token: string;
  filename: string;
  type: string;
  size: number;
  width: number | null;
  height: number | null;
}

const toFile = (row: Row): StoredFile => ({
  id: row.id,
  token: row.token,
  filename: row.filename,
  type: row.type,
  size: row.size,
  ...(row.width !== null && row.height !== null ? { width: row.width, height: row.height } : {}),
});

/** Files in `data_attachment_files` (PostgreSQL deployments: every node serves every file). */
export function createDbFileStore(options: { db: SqlExecutor }): FileStore {
  const { db } = options;
  const describe = async (ref: { id: string; token: string }) => {
    const result = await db.query<Row>('SELECT id, token, filename, type, size, width, height FROM data_attachment_files WHERE id = $1 AND token = $2', [
      ref.id,
      ref.token,
    ]);
    return result.rows[0] ? toFile(result.rows[0]) : undefined;
  };
  return {
    async save(input) {
      const { content, ...meta } = input;
      const file: StoredFile = { ...meta, id: newId('att'), token: randomBytes(24).toString('base64url') };
      await db.query(
        'INSERT INTO data_attachment_files (id, token, filename, type, size, width, height, content) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [file.id, file.token, file.filename, file.type, file.size, file.width ?? null, file.height ?? null, Buffer.from(content)],
      );
      return file;
    },
    describe,
    async read(ref) {
      const result = await db.query<Row & { content: Uint8Array }>(
        'SELECT id, token, filename, type, size, width, height, content FROM data_attachment_files WHERE id = $1 AND token = $2',
        [ref.id, ref.token],
      );
      const row = result.rows[0];
      return row ? { file: toFile(row), content: row.content } : undefined;
    },
  };
}
