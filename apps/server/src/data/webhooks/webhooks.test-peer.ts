import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One ping as the receiver got it: raw body and the MAC header. */
export interface ReceivedPing {
  body: string;
  mac: string | undefined;
}

/** A small HTTP receiver for webhook pings in tests; answers `status` (200 by default). */
export async function startPingReceiver(): Promise<{ url: string; pings: ReceivedPing[]; status: { value: number }; close(): void }> {
  const pings: ReceivedPing[] = [];
  const status = { value: 200 };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      pings.push({ body: Buffer.concat(chunks).toString('utf8'), mac: request.headers['x-airtable-content-mac'] as string | undefined });
      response.writeHead(status.value).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, pings, status, close: () => server.close() };
}

/** Polls until the probe answers something other than undefined (or gives up after about 20 s). */
export async function eventually<T>(probe: () => Promise<T | undefined>): Promise<T | undefined> {
  for (let tries = 0; tries < 200; tries++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}
