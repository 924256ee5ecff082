/**
 * The progress page behind a reverse proxy: without trusted proxies every request is counted under
 * its connection's address, whatever X-Forwarded-For says (so a client cannot pick its own budget,
 * and all clients behind an untrusted proxy share one); with the proxy's range trusted, each client
 * named by the proxy has its own budget, and what a client wrote at the left of the header is not
 * believed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHeadOffice } from '../../headoffice/app';
import type { HqDatabase } from '../../headoffice/db/open';
import { trustedProxies } from '../../headoffice/progress/client-address';
import { reportsDatabase } from './reports/support';

let db: HqDatabase;
let close: () => Promise<void>;
const clock = { ms: Date.parse('2026-03-02T09:00:00Z') };
const limits = { perAddress: 3, perNumber: 1000, windowMs: 60 * 60 * 1000 };

beforeAll(async () => {
  ({ db, close } = await reportsDatabase());
});

afterAll(async () => {
  await close?.();
});

async function poster(proxies: string[]) {
  const app = await buildHeadOffice({
    db,
    now: () => clock.ms,
    progress: { minAnswerMs: 0, limits, trustedProxies: trustedProxies(proxies) },
  });
  let n = 0;
  return {
    app,
    /** One try of a number no ticket has, from `socket`, with `forwardedFor` if given: its status. */
    async post(socket: string, forwardedFor?: string) {
      const page = await app.inject({ method: 'GET', url: '/progress' });
      const token = /name="token" value="([^"]+)"/.exec(page.body)![1]!;
      const cookie = String(page.headers['set-cookie']).split(';')[0]!;
      n += 1;
      const answer = await app.inject({
        method: 'POST',
        url: '/progress',
        remoteAddress: socket,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie,
          ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
        },
        payload: new URLSearchParams({
          number: `S099-1-20260301-${String(n).padStart(4, '0')}`,
          tail: '1234',
          lang: 'en',
          token,
        }).toString(),
      });
      return answer.statusCode;
    },
  };
}

describe('the progress page’s client address', () => {
  it('without trusted proxies the connection’s address counts, and X-Forwarded-For is ignored', async () => {
    clock.ms += 2 * limits.windowMs;
    const { app, post } = await poster([]);
    try {
      const proxy = '10.1.0.5';
      expect(await post(proxy, '198.51.100.1')).not.toBe(429);
      expect(await post(proxy, '198.51.100.2')).not.toBe(429);
      expect(await post(proxy, '198.51.100.3')).not.toBe(429);
      // A fourth client behind the same (untrusted) proxy shares its budget.
      expect(await post(proxy, '198.51.100.4')).toBe(429);
      // A client naming a fresh address in the header still counts under its own connection.
      const client = '203.0.113.50';
      for (const forged of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) expect(await post(client, forged)).not.toBe(429);
      expect(await post(client, '192.0.2.4')).toBe(429);
    } finally {
      await app.close();
    }
  });

  it('behind a trusted proxy each forwarded client has its own budget; a forged left end is not believed', async () => {
    clock.ms += 2 * limits.windowMs;
    const { app, post } = await poster(['10.1.0.0/16', '::1']);
    try {
      const proxy = '10.1.0.5';
      for (let i = 0; i < 3; i += 1) expect(await post(proxy, '198.51.100.1')).not.toBe(429);
      expect(await post(proxy, '198.51.100.1')).toBe(429);
      // Another client through the same proxy is not held back by the first.
      expect(await post(proxy, '198.51.100.2')).not.toBe(429);
      // The first client writing its own header: the proxy appended the real address on the right.
      expect(await post(proxy, '192.0.2.77, 198.51.100.1')).toBe(429);
      // Two trusted proxies in a row: the first untrusted hop from the right is the client.
      expect(await post(proxy, '198.51.100.1, 10.1.0.9')).toBe(429);
      // A client connecting directly is not a proxy: its header is ignored.
      const direct = '203.0.113.60';
      for (let i = 0; i < 3; i += 1) expect(await post(direct, `192.0.2.${10 + i}`)).not.toBe(429);
      expect(await post(direct, '192.0.2.99')).toBe(429);
    } finally {
      await app.close();
    }
  });
});
