/**
 * How head office serves the built console: the single-page app's index for its own paths, hashed
 * assets cached for good and sent precompressed, index.html never cached, the console's security
 * headers, and the sync routes untouched by any of it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildHeadOffice } from '../../../headoffice/app';
import { consoleDatabase, type ConsoleTestDb } from './support';

let test: ConsoleTestDb;
let app: FastifyInstance;
const dir = mkdtempSync(join(tmpdir(), 'console-build-'));
const script = 'console.log("the console");'.repeat(100);

beforeAll(async () => {
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(dir, 'assets/index-abc123.js'), script);
  writeFileSync(join(dir, 'assets/index-abc123.js.br'), brotliCompressSync(script));
  writeFileSync(join(dir, 'assets/index-abc123.js.gz'), gzipSync(script));
  test = await consoleDatabase('hq_console_serving');
  app = await buildHeadOffice({ db: test.db, consoleDir: dir });
});
afterAll(async () => {
  await app.close();
  await test.drop();
  rmSync(dir, { recursive: true, force: true });
});

it('the app at /console/ and at its own paths, never cached, with a strict CSP', async () => {
  for (const url of ['/console/', '/console/stores/S012', '/console/audit']) {
    const answer = await app.inject({ method: 'GET', url });
    expect(answer.statusCode, url).toBe(200);
    expect(answer.body).toContain('<title>console</title>');
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['content-security-policy']).toContain("script-src 'self'");
    expect(answer.headers['x-frame-options']).toBe('DENY');
  }
  expect((await app.inject({ method: 'GET', url: '/console' })).statusCode).toBe(302);
});

it('hashed assets precompressed (brotli, else gzip) and cached for good', async () => {
  const br = await app.inject({
    method: 'GET',
    url: '/console/assets/index-abc123.js',
    headers: { 'accept-encoding': 'gzip, br' },
  });
  expect(br.headers['content-encoding']).toBe('br');
  expect(br.headers['cache-control']).toContain('immutable');
  expect(br.rawPayload.length).toBeLessThan(script.length / 5);
  const gz = await app.inject({
    method: 'GET',
    url: '/console/assets/index-abc123.js',
    headers: { 'accept-encoding': 'gzip' },
  });
  expect(gz.headers['content-encoding']).toBe('gzip');
  const plain = await app.inject({ method: 'GET', url: '/console/assets/index-abc123.js' });
  expect(plain.body).toBe(script);
});

it('the API is not the app: an unknown API path is a JSON 404, and the sync routes are as before', async () => {
  const unknown = await app.inject({ method: 'GET', url: '/console/api/nothing-here' });
  expect(unknown.statusCode).toBe(404);
  const health = await app.inject({ method: 'GET', url: '/sync/v1/health' });
  expect(health.statusCode).toBe(200);
  expect(health.headers['content-security-policy']).toBeUndefined();
});
