/**
 * The browser host's compression (electron/accept-encoding.ts, electron/static-files.ts): which
 * encoding a header gets, the headers and bytes of each answer (GET and HEAD), files left as they
 * are, the year-long caching of hashed chunk names, and the bounded cache of compressed copies.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, utimesSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding } from '../../electron/accept-encoding';
import { sessionCookieName, startBrowserHost } from '../../electron/host';
import { cacheControlFor, createStaticFiles, type StaticFiles } from '../../electron/static-files';
import { openTestDesk } from '../support/temp-store';

describe('choosing an encoding from Accept-Encoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0, br;q=0', 'identity'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['br;q=0.8, gzip;q=0.8', 'br'],
    ['*', 'br'],
    ['*;q=0', 'identity'],
    ['gzip, *;q=0', 'gzip'],
    ['identity', 'identity'],
    ['BR, GZIP', 'br'],
    ['br;q=2', 'identity'],
    ['br;q=abc, gzip', 'gzip'],
    [['deflate', 'gzip'], 'gzip'],
    [`${'x, '.repeat(5000)}br`, 'identity'],
  ] as const)('%j → %s', (header, expected) => {
    expect(chooseEncoding(header as string | string[] | undefined)).toBe(expected);
  });

  it('keeps hashed chunk names for a year and never index.html', () => {
    expect(cacheControlFor('/assets/tickets-page-DEPDQJ1u.js', false)).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('/assets/noto-sans-sc-100-400-normal-BO-rXsv0.woff', false)).toContain('immutable');
    expect(cacheControlFor('/index.html', true)).toBe('no-store');
    expect(cacheControlFor('/favicon.ico', false)).toBe('max-age=3600');
  });
});

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

function get(origin: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('sending the renderer’s files', () => {
  let dir: string;
  let server: Server;
  let origin: string;
  let files: StaticFiles;
  const script = `export const rows = [${Array.from({ length: 4000 }, (_, i) => `'row ${i}'`).join(', ')}];\n`;
  const font = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'counterdesk-static-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'page-AbCd1234.js'), script);
    writeFileSync(join(dir, 'assets', 'face-AbCd1234.woff2'), font);
    writeFileSync(join(dir, 'assets', 'tiny-AbCd1234.css'), 'a{b:c}');
    files = createStaticFiles({ maxCacheBytes: 64 * 1024 });
    server = createServer((req, res) => {
      const path = new URL(req.url!, 'http://x').pathname;
      void files.send(req, res, join(dir, path), path, path === '/index.html');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends a script in brotli when accepted, with its compressed length, Vary and a year of caching', async () => {
    const answer = await get(origin, '/assets/page-AbCd1234.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['vary']).toBe('Accept-Encoding');
    expect(answer.headers['content-type']).toMatch(/^text\/javascript/);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(answer.body.length).toBeLessThan(script.length / 4);
    expect(brotliDecompressSync(answer.body).toString()).toBe(script);
  });

  it('sends gzip to a browser that accepts only gzip, and the bytes as they are to one that refuses both', async () => {
    const gz = await get(origin, '/assets/page-AbCd1234.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(Number(gz.headers['content-length'])).toBe(gz.body.length);
    expect(gunzipSync(gz.body).toString()).toBe(script);

    for (const accept of [undefined, 'br;q=0, gzip;q=0', 'identity']) {
      const plain = await get(origin, '/assets/page-AbCd1234.js', accept ? { 'accept-encoding': accept } : {});
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['vary']).toBe('Accept-Encoding');
      expect(plain.body.toString()).toBe(script);
      expect(Number(plain.headers['content-length'])).toBe(Buffer.byteLength(script));
    }
  });

  it('answers HEAD with the same headers as GET and no body', async () => {
    const headers = { 'accept-encoding': 'br' };
    const full = await get(origin, '/assets/page-AbCd1234.js', headers);
    const head = await get(origin, '/assets/page-AbCd1234.js', headers, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const name of ['content-length', 'content-encoding', 'content-type', 'vary', 'cache-control'])
      expect(head.headers[name], name).toBe(full.headers[name]);
  });

  it('leaves a font (already compressed) and a tiny file as they are', async () => {
    const woff = await get(origin, '/assets/face-AbCd1234.woff2', { 'accept-encoding': 'br, gzip' });
    expect(woff.headers['content-type']).toBe('font/woff2');
    expect(woff.headers['content-encoding']).toBeUndefined();
    expect(woff.headers['vary']).toBeUndefined();
    expect(woff.body.equals(font)).toBe(true);
    expect(Number(woff.headers['content-length'])).toBe(font.length);

    const tiny = await get(origin, '/assets/tiny-AbCd1234.css', { 'accept-encoding': 'br' });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString()).toBe('a{b:c}');
  });

  it('compresses a file again when it changes, and keeps its cache within its bound', async () => {
    const file = join(dir, 'assets', 'page-AbCd1234.js');
    const changed = `${script}export const more = 1;\n`;
    writeFileSync(file, changed);
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    const answer = await get(origin, '/assets/page-AbCd1234.js', { 'accept-encoding': 'br' });
    expect(brotliDecompressSync(answer.body).toString()).toBe(changed);

    // Random text barely compresses: forty 8 KB files (~6 KB each compressed) overflow a 64 KB cache, which drops the oldest.
    for (let i = 0; i < 40; i += 1) {
      const name = `noise${i}-AbCd1234.js`;
      writeFileSync(join(dir, 'assets', name), randomBytes(6 * 1024).toString('base64'));
      await get(origin, `/assets/${name}`, { 'accept-encoding': 'gzip' });
    }
    expect(files.cachedBytes()).toBeGreaterThan(0);
    expect(files.cachedBytes()).toBeLessThanOrEqual(64 * 1024);
  });
});

describe('the browser host', () => {
  it('serves its renderer compressed, and index.html never cached', async () => {
    const desk = await openTestDesk();
    const rendererDir = mkdtempSync(join(tmpdir(), 'counterdesk-renderer-'));
    writeFileSync(join(rendererDir, 'index.html'), `<!doctype html><title>Counterdesk</title>${' '.repeat(2000)}`);
    const token = 'c'.repeat(48);
    const host = await startBrowserHost({ desk: desk.desk, rendererDir, logger: desk.logger, token });
    try {
      const url = new URL(host.origin);
      const headers = {
        host: url.host,
        cookie: `${sessionCookieName(url.port)}=${token}`,
        'accept-encoding': 'gzip, br',
      };
      const page = await get(host.origin, '/counter', headers);
      expect(page.status).toBe(200);
      expect(page.headers['content-encoding']).toBe('br');
      expect(page.headers['cache-control']).toBe('no-store');
      expect(brotliDecompressSync(page.body).toString()).toContain('<title>Counterdesk');
      // Without the token nothing is served, compressed or not.
      expect((await get(host.origin, '/', { host: url.host, 'accept-encoding': 'br' })).status).toBe(401);
    } finally {
      await host.close();
      await desk.desk.close();
      rmSync(rendererDir, { recursive: true, force: true });
    }
  });
});
