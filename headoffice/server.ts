/**
 * Head office listening: the app of app.ts over HTTPS (TLS 1.2+) on a host and port. What
 * `npm run headoffice` (main.ts), the sync tests and the benchmark start.
 */
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { buildHeadOffice, type BuildOptions } from './app';

export type HeadOfficeOptions = BuildOptions & {
  tls: { key: string; cert: string };
  host?: string;
  port?: number;
};

export type HeadOffice = { url: string; port: number; app: FastifyInstance; close(): Promise<void> };

export async function startHeadOffice({
  host = '127.0.0.1',
  port = 0,
  ...options
}: HeadOfficeOptions): Promise<HeadOffice> {
  const app = await buildHeadOffice(options);
  await app.listen({ host, port });
  const address = app.server.address() as AddressInfo;
  return {
    url: `https://${host}:${address.port}`,
    port: address.port,
    app,
    close: () => app.close(),
  };
}
