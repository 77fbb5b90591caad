import { AppError } from '@tableport/contracts';
import { Hono } from 'hono';
import type { AppEnv } from '../../gateway/gateway.types';
import type { FileStore } from './files.types';

// Served inline only when a browser cannot run them; everything else downloads, in a sandbox.
const INLINE = /^(image\/(png|jpeg|gif|webp)|application\/pdf|text\/plain|audio\/|video\/)/;

/**
 * `GET /files/{attId}/{token}/{filename}`: attachment files, like Airtable's attachment URLs readable
 * without a token by whoever holds the URL (the 32-character token makes it unguessable).
 */
export function fileRoutes(files: FileStore): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/files/:id/:token/:filename', async (c) => {
    const found = await files.read({ id: c.req.param('id'), token: c.req.param('token') });
    if (!found) throw new AppError({ code: 'attachment.not_found', message: 'No such file' });
    const { file, content } = found;
    const disposition = INLINE.test(file.type) ? 'inline' : 'attachment';
    return c.body(Buffer.from(content), 200, {
      'content-type': file.type,
      'content-length': String(content.byteLength),
      'content-disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'content-security-policy': "sandbox; default-src 'none'",
      'cache-control': 'private, max-age=3600',
    });
  });
  return app;
}
