import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { Logger } from '../../db/desk-types';
import { registerAppScheme, serveAppProtocol, serveAppRequest } from '../../electron/app-protocol';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../electron/csp';

const logger: Logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
let root: string;
let outside: string;

beforeAll(async () => {
  outside = await mkdtemp(path.join(tmpdir(), 'counterdesk-protocol-'));
  root = path.join(outside, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Counterdesk</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(root, 'assets', 'app.css'), 'body{}');
  await writeFile(path.join(outside, 'secret.txt'), 'not for the renderer');
});

afterAll(async () => {
  await rm(outside, { recursive: true, force: true });
});

function get(url: string, method = 'GET'): Promise<Response> {
  return serveAppRequest(new Request(url, { method }), root, logger);
}

function expectSecurityHeaders(response: Response): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers.get(name), name).toBe(value);
}

describe('serveAppRequest', () => {
  test('serves index.html at the root, with the CSP', async () => {
    const response = await get('app://counterdesk/');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('<title>Counterdesk</title>');
  });

  test.each([
    ['app://counterdesk/assets/app.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
    ['app://counterdesk/assets/app.css', 'text/css; charset=utf-8', 'body{}'],
  ])('serves %s as %s', async (url, type, body) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(type);
    expectSecurityHeaders(response);
    expect(await response.text()).toBe(body);
  });

  test('a client route falls back to index.html', async () => {
    const response = await get('app://counterdesk/tickets/42');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Counterdesk');
  });

  test('a missing asset is a 404, not index.html', async () => {
    const response = await get('app://counterdesk/assets/missing.js');
    expect(response.status).toBe(404);
    expectSecurityHeaders(response);
  });

  test('a folder is never listed: like any extensionless path it gets the app', async () => {
    for (const url of ['app://counterdesk/assets', 'app://counterdesk/assets/']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>Counterdesk</title>');
    }
  });

  test.each([
    'app://counterdesk/..%2fsecret.txt',
    'app://counterdesk/assets/..%2F..%2Fsecret.txt',
    'app://evil/index.html',
    'app://counterdesk.evil/index.html',
  ])('refuses %s with the security headers and no file content', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(403);
    expectSecurityHeaders(response);
    expect(await response.text()).not.toContain('not for the renderer');
  });

  test('HEAD answers without a body; other methods are refused', async () => {
    const head = await get('app://counterdesk/assets/app.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('Content-Length')).toBe(String('console.log(1)'.length));
    expect(await head.text()).toBe('');
    const post = await get('app://counterdesk/index.html', 'POST');
    expect(post.status).toBe(405);
    expectSecurityHeaders(post);
  });
});

describe('registration', () => {
  test('registers app as a standard, secure scheme with fetch and nothing more', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  test('handles the app scheme with the renderer folder', async () => {
    const handle = vi.fn<(scheme: string, handler: (request: Request) => Promise<Response> | Response) => void>();
    serveAppProtocol({ handle }, logger, root);
    expect(handle).toHaveBeenCalledOnce();
    const [scheme, handler] = handle.mock.calls[0] ?? [];
    expect(scheme).toBe('app');
    const response = await handler?.(new Request('app://counterdesk/index.html'));
    expect(response?.status).toBe(200);
  });
});
