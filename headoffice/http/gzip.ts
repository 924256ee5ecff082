/**
 * Gzip both ways (docs/SYNC.md §2.3): a device gzips its pushes and accepts gzipped answers.
 * Requests are inflated before JSON parsing, so the body limit applies to the inflated size;
 * answers are JSON text, gzipped when the device accepts it and they are worth it.
 */
import type { FastifyReply, FastifyRequest, preParsingAsyncHookHandler } from 'fastify';
import { promisify } from 'node:util';
import { createGunzip, gzip } from 'node:zlib';
import { RawJson } from '../../db/sync/raw-json';

const gzipAsync = promisify(gzip);

/** The `preParsing` hook that inflates a gzipped request body. */
export const inflateGzipBody: preParsingAsyncHookHandler = async (request, _reply, payload) => {
  if (request.headers['content-encoding'] !== 'gzip') return payload;
  delete request.headers['content-encoding'];
  // Fastify compares Content-Length with the bytes that arrived, which it reads from here.
  const inflated = Object.assign(createGunzip(), { receivedEncodedLength: 0 });
  payload.on('data', (chunk: Buffer) => (inflated.receivedEncodedLength += chunk.length));
  return payload.pipe(inflated);
};

/** Answers `body` as JSON (a RawJson is already serialised), never cached, gzipped when accepted and over 1 KB. */
export async function sendJson(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  body: unknown,
): Promise<FastifyReply> {
  const json = body instanceof RawJson ? body.text : JSON.stringify(body);
  reply.code(status).header('content-type', 'application/json; charset=utf-8').header('cache-control', 'no-store');
  if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '') && json.length > 1024) {
    // Compressed on zlib's thread pool: a 2 MB snapshot page does not stall other stores' requests.
    const packed = await gzipAsync(json, { level: 6 });
    return reply.header('content-encoding', 'gzip').send(packed);
  }
  return reply.send(json);
}
