import type { OutboundFetch } from '../../infra/http';

/** Largest file taken from a URL (Airtable takes 1 GB; the embedded store holds files on one disk). */
export const MAX_DOWNLOAD_BYTES = 25 * 1024 * 1024;
/** Downloads run inside the write's transaction, so they are kept short. */
const DOWNLOAD_TIMEOUT_MS = 10_000;

/** Fetches a file through the outbound guard; undefined when refused, failed, not 2xx or too large. */
export async function downloadFile(outbound: OutboundFetch, url: string): Promise<{ content: Uint8Array; type: string | undefined } | undefined> {
  const response = await outbound(url, { timeoutMs: DOWNLOAD_TIMEOUT_MS }).catch(() => undefined);
  if (!response) return undefined;
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (!response.ok || !response.body || declared > MAX_DOWNLOAD_BYTES) {
    await response.body?.cancel();
    return undefined;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_DOWNLOAD_BYTES) {
        await reader.cancel();
        return undefined;
      }
      chunks.push(value);
    }
  } catch {
    return undefined;
  }
  const type = response.headers.get('content-type')?.split(';')[0]?.trim() || undefined;
  return { content: Buffer.concat(chunks), type };
}
