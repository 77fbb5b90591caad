import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { newId } from '@tableport/contracts';
import { z } from 'zod';
import type { FileStore, StoredFile } from './files.types';

const metaSchema = z.object({
  id: z.string(),
  token: z.string(),
  filename: z.string(),
  type: z.string(),
  size: z.number(),
  width: z.number().optional(),
  height: z.number().optional(),
});
const REF = /^att[A-Za-z0-9]{14}$/;
const TOKEN = /^[A-Za-z0-9_-]{32}$/;

/** Files in `<dataDir>/attachments/<id>-<token>` with a JSON sidecar (the embedded store). */
export function createDiskFileStore(options: { directory: string }): FileStore {
  const base = (ref: { id: string; token: string }) =>
    REF.test(ref.id) && TOKEN.test(ref.token) ? path.join(options.directory, `${ref.id}-${ref.token}`) : undefined;
  const describe = async (ref: { id: string; token: string }): Promise<StoredFile | undefined> => {
    const file = base(ref);
    if (!file) return undefined;
    const text = await readFile(`${file}.json`, 'utf8').catch(() => undefined);
    const parsed = text === undefined ? undefined : metaSchema.safeParse(safeJson(text));
    return parsed?.success ? parsed.data : undefined;
  };
  return {
    async save(input) {
      const { content, ...meta } = input;
      const file: StoredFile = { ...meta, id: newId('att'), token: randomBytes(24).toString('base64url') };
      const target = base(file)!;
      await mkdir(options.directory, { recursive: true });
      // Content first, metadata last (written whole, then renamed): a file is served only once complete.
      await writeFile(target, content);
      await writeFile(`${target}.json.tmp`, JSON.stringify(file));
      await rename(`${target}.json.tmp`, `${target}.json`);
      return file;
    },
    describe,
    async read(ref) {
      const file = await describe(ref);
      if (!file) return undefined;
      return { file, content: await readFile(base(ref)!) };
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
