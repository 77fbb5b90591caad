import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A loopback https server of Client ID Metadata Documents, with a throwaway self-signed certificate. */
export interface DocumentServer {
  /** The https origin (`https://127.0.0.1:PORT`). */
  origin: string;
  /** The PEM file to give the outbound guard (TABLEPORT_OUTBOUND_CA). */
  caFile: string;
  /** Documents by path; a function builds one from the server's origin. */
  documents: Map<string, (origin: string) => { body: string; headers?: Record<string, string> }>;
  /** Paths fetched, in order. */
  fetched: string[];
  close(): Promise<void>;
}

/** Starts the server; the certificate (P-256, one day, SAN 127.0.0.1) comes from the openssl CLI. */
export async function startDocumentServer(): Promise<DocumentServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tp-cimd-'));
  const keyFile = path.join(dir, 'key.pem');
  const caFile = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      caFile,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const documents: DocumentServer['documents'] = new Map();
  const fetched: string[] = [];
  let origin = '';
  const server: Server = createServer(
    { key: readFileSync(keyFile), cert: readFileSync(caFile) },
    (request, response) => {
      const route = request.url ?? '/';
      fetched.push(route);
      const document = documents.get(route)?.(origin);
      if (!document) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'application/json', ...document.headers }).end(document.body);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    caFile,
    documents,
    fetched,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
