import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionCookieName, startBrowserHost, type BrowserHost } from '../../electron/host';
import { openTestDesk, tempFile, type TestDesk } from '../support/temp-store';

const TOKEN = 'a'.repeat(48);
let hosts: BrowserHost[] = [];
let desks: TestDesk[] = [];
afterEach(async () => {
  for (const host of hosts) await host.close();
  for (const desk of desks) await desk.desk.close();
  hosts = [];
  desks = [];
});

async function start(token = TOKEN) {
  const desk = await openTestDesk();
  desks.push(desk);
  const rendererDir = dirname(tempFile());
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Counterdesk</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dirname(rendererDir), 'secret.txt'), 'outside');
  const host = await startBrowserHost({ desk: desk.desk, rendererDir, logger: desk.logger, token });
  hosts.push(host);
  return host;
}

/** This host's session cookie as a browser would send it. */
function cookieFor(h: BrowserHost, token = TOKEN) {
  return { cookie: `${sessionCookieName(new URL(h.origin).port)}=${token}` };
}

/** Raw requests, so the Host and Origin headers are exactly what a test says. */
function send(
  h: BrowserHost,
  path: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  const url = new URL(h.origin);
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: url.port, path, method, headers: { host: url.host, ...headers } },
        (res) => {
          let data = '';
          res.on('data', (c: Buffer) => (data += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: data }));
        },
      );
      req.on('error', reject);
      if (body) req.write(body);
      req.end();
    },
  );
}

const json = { 'content-type': 'application/json' };

describe('the browser host', () => {
  it('listens on loopback only and turns the launch token into an HttpOnly, SameSite=Strict cookie', async () => {
    const h = await start();
    expect(new URL(h.origin).hostname).toBe('127.0.0.1');
    const auth = await send(h, `/auth?token=${TOKEN}`);
    expect(auth.status).toBe(303);
    const port = new URL(h.origin).port;
    expect(String(auth.headers['set-cookie'])).toMatch(
      new RegExp(`^cd_token_${port}=a+; HttpOnly; SameSite=Strict; Path=/$`),
    );
    expect((await send(h, '/auth?token=wrong')).status).toBe(401);
  });

  it('lets two counters on 127.0.0.1 stay signed in side by side in one browser profile', async () => {
    const first = await start('a'.repeat(48));
    const second = await start('b'.repeat(48));
    // A browser keeps cookies per host name, not per port: both hosts' cookies land in one jar and
    // both are sent to each port. Each host must find its own among them.
    const jar = new Map<string, string>();
    for (const [h, token] of [
      [first, 'a'.repeat(48)],
      [second, 'b'.repeat(48)],
    ] as const) {
      const auth = await send(h, `/auth?token=${token}`);
      const [pair] = String(auth.headers['set-cookie']).split(';');
      const [name, value] = pair!.split('=');
      jar.set(name!, value!);
    }
    expect(jar.size).toBe(2);
    const sent = { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') };
    const call = JSON.stringify({ method: 'session.status', input: {} });
    for (const h of [first, second]) {
      const res = await send(h, '/api/call', {
        method: 'POST',
        headers: { ...json, ...sent, origin: h.origin },
        body: call,
      });
      expect(res.status).toBe(200);
    }
    // One host's cookie is no key to the other: the second host refuses the first one's cookie alone.
    const firstOnly = { cookie: `${sessionCookieName(new URL(first.origin).port)}=${'a'.repeat(48)}` };
    expect(
      (await send(second, '/api/call', { method: 'POST', headers: { ...json, ...firstOnly }, body: call })).status,
    ).toBe(401);
    // Nor does the old shared name still work.
    expect(
      (
        await send(first, '/api/call', {
          method: 'POST',
          headers: { ...json, cookie: `cd_token=${'a'.repeat(48)}` },
          body: call,
        })
      ).status,
    ).toBe(401);
  });

  it('refuses calls and pages without the token, from another Host, or from another origin', async () => {
    const h = await start();
    const cookie = cookieFor(h);
    const call = JSON.stringify({ method: 'session.status', input: {} });
    expect((await send(h, '/')).status).toBe(401);
    expect((await send(h, '/api/call', { method: 'POST', headers: json, body: call })).status).toBe(401);
    expect(
      (await send(h, '/api/call', { method: 'POST', headers: { ...json, ...cookieFor(h, 'bbbb') }, body: call }))
        .status,
    ).toBe(401);
    // DNS rebinding: a page on evil.example resolving to 127.0.0.1 sends its own Host.
    expect(
      (
        await send(h, '/api/call', {
          method: 'POST',
          headers: { ...json, ...cookie, host: 'evil.example' },
          body: call,
        })
      ).status,
    ).toBe(421);
    expect(
      (
        await send(h, '/api/call', {
          method: 'POST',
          headers: { ...json, ...cookie, origin: 'http://evil.example' },
          body: call,
        })
      ).status,
    ).toBe(403);
    expect(
      (await send(h, '/api/call', { method: 'POST', headers: { 'content-type': 'text/plain', ...cookie }, body: call }))
        .status,
    ).toBe(415);
    const ok = await send(h, '/api/call', {
      method: 'POST',
      headers: { ...json, ...cookie, origin: h.origin },
      body: call,
    });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ ok: true, value: { needsSetup: true, store: null, staff: null } });
  });

  it('answers malformed bodies and unknown methods with typed errors', async () => {
    const h = await start();
    const cookie = cookieFor(h);
    const broken = await send(h, '/api/call', { method: 'POST', headers: { ...json, ...cookie }, body: '{not json' });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'validation', key: 'invalid_input' } });
    const unknown = await send(h, '/api/call', {
      method: 'POST',
      headers: { ...json, ...cookie },
      body: JSON.stringify({ method: 'customers.dropAll' }),
    });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('answers a badly percent-encoded or unparsable address with 400, no stack and no error log', async () => {
    const h = await start();
    const cookie = cookieFor(h);
    for (const path of ['/%E0%A4%A', '/%', '/assets/%zz.js', '/%C0%AF', '/print.pdf?route=%E0%A4%A', 'http://[::1']) {
      const res = await send(h, path, { headers: cookie });
      expect(res.status, path).toBe(400);
      expect(res.body, path).not.toMatch(/at |Error|stack/);
    }
    // Signed out, the same addresses are still refused for the token, not crashed on.
    expect((await send(h, '/%')).status).toBe(401);
    const desk = desks[0]!;
    expect(desk.logger.entries.filter((e) => e.level === 'error')).toEqual([]);
  });

  it('serves the renderer with the CSP, and nothing outside its folder', async () => {
    const h = await start();
    const cookie = cookieFor(h);
    const index = await send(h, '/', { headers: cookie });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect((await send(h, '/assets/app.js', { headers: cookie })).headers['content-type']).toMatch(/javascript/);
    expect((await send(h, '/assets/missing.js', { headers: cookie })).status).toBe(404);
    expect((await send(h, '/counter', { headers: cookie })).body).toContain('<title>Counterdesk');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await send(h, path, { headers: cookie });
      expect(res.body).not.toContain('outside');
    }
  });
});
