/**
 * What a counter is told when enrollment fails. A PC enrolled without head office's CA used to
 * show Node's "unable to verify the first certificate; … try running Node.js with --use-system-ca";
 * now each failure has a stable code (translated on the Sync page), parameters and a plain English
 * message saying what is wrong and what to do. Head office's own refusals carry their codes too.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncHttp, TransportError } from '../../db/sync/client';
import { EnrollError, enrollDevice } from '../../db/sync/enroll';
import { createSession, TransientError } from '../../db/sync/session';
import { makeTestCertificates } from '../../headoffice/tls';
import { openCounter, type TestCounter } from '../sync/support/counter';
import { startTestHeadOffice, type TestHeadOffice } from '../sync/support/hq';

let hq: TestHeadOffice;
let pc: TestCounter;

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore('S012', '南京西路店');
  await hq.addStore('S020', '徐家汇店');
  pc = await openCounter(hq, { storeCode: 'S012', enroll: false });
});

afterAll(async () => {
  await pc?.close();
  await hq?.close();
});

/** Enrolls through the engine, as the Sync page does, and returns what the page is shown. */
async function enrollAsThePageDoes(input: { serverUrl?: string; code: string; caCert: string | null }) {
  await pc.engine.enroll({
    serverUrl: input.serverUrl ?? hq.url,
    code: input.code,
    caCert: input.caCert,
    deviceName: 'S012 counter 1',
  });
  return pc.engine.status();
}

async function usedCodes(): Promise<number> {
  const rows = await hq.db.selectFrom('enrollmentCode').select('usedAt').where('usedAt', 'is not', null).execute();
  return rows.length;
}

/** The code the failed attempt without the CA tried: the later attempt with the CA uses it. */
let codeTriedWithoutCa = '';

describe('enrollment failures say what is wrong and what to do', () => {
  it('without head office’s CA: not trusted by this PC, add ca.pem; the code stays unused', async () => {
    const code = await hq.issueCode('S012');
    const status = await enrollAsThePageDoes({ code, caCert: null });
    expect(status.enrolled).toBe(false);
    expect(status.enrollError).toEqual({
      code: 'tls_untrusted',
      message:
        "Head office's certificate is not trusted by this PC: add head office's CA certificate (ca.pem) on the Sync page",
      params: {},
    });
    expect(status.enrollError!.message).not.toMatch(/use-system-ca|unable to verify/);
    expect(await usedCodes()).toBe(0);
    codeTriedWithoutCa = code;
  });

  it('with another CA than head office’s: says the CA given does not match', async () => {
    const other = await makeTestCertificates(['localhost']);
    const code = await hq.issueCode('S012');
    const status = await enrollAsThePageDoes({ code, caCert: other.caCert });
    expect(status.enrollError?.code).toBe('tls_ca_mismatch');
    expect(status.enrollError?.message).toMatch(/not signed by the CA certificate given/);
  });

  it('head office’s refusals keep their codes: unknown code, another store’s code (with both stores named)', async () => {
    const unknown = await enrollAsThePageDoes({ code: 'AAAA-BBBB-CCCC', caCert: hq.caCert });
    expect(unknown.enrollError).toMatchObject({ code: 'enroll_code_invalid', params: {} });
    expect(unknown.enrollError!.message).toMatch(/unknown, used or expired/);

    const otherStore = await hq.issueCode('S020');
    const mismatch = await enrollAsThePageDoes({ code: otherStore, caCert: hq.caCert });
    expect(mismatch.enrollError).toEqual({
      code: 'store_mismatch',
      message: 'This code is for store S020, but this PC is set up as store S012',
      params: { codeStore: 'S020', thisStore: 'S012' },
    });
    expect(mismatch.enrolled).toBe(false);
    expect(await usedCodes()).toBe(0);
  });

  it('with the CA, the code tried without it enrolls; that used code is then refused as invalid', async () => {
    const code = codeTriedWithoutCa;
    const status = await enrollAsThePageDoes({ code, caCert: hq.caCert });
    expect(status.enrollError).toBeNull();
    expect(status.enrolled).toBe(true);
    // The code used up: a second PC of the store trying it again is refused.
    const other = await openCounter(hq, { storeCode: 'S012', counterNo: 2, enroll: false });
    try {
      const refused = await enrollDevice(
        other.store,
        other.credentials,
        {
          serverUrl: hq.url,
          code,
          caCert: hq.caCert,
          deviceName: 'S012 counter 2',
        },
        other.desk.sync!,
      ).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(EnrollError);
      expect((refused as EnrollError).code).toBe('enroll_code_invalid');
    } finally {
      await other.close();
    }
  });

  it('head office unreachable: its own code, and Node’s reason kept as a detail', async () => {
    const other = await openCounter(hq, { storeCode: 'S012', counterNo: 3, enroll: false });
    try {
      const port = hq.port;
      await hq.stopServer();
      const refused = (await enrollDevice(
        other.store,
        other.credentials,
        {
          serverUrl: `https://127.0.0.1:${port}`,
          code: 'AAAA-BBBB-CCCC',
          caCert: hq.caCert,
          deviceName: 'x',
        },
        other.desk.sync!,
      ).catch((error: unknown) => error)) as EnrollError;
      expect(refused.code).toBe('unreachable');
      expect(refused.message).toMatch(/^Head office unreachable: .*ECONNREFUSED/);
      expect(refused.params).toEqual({ detail: 'ECONNREFUSED' });
    } finally {
      await hq.restartServer();
      await other.close();
    }
  });
});

/** A bare HTTPS server with a certificate signed by its own CA, shaped by the test. */
async function serverWith({
  names,
  ip = true,
  notBefore,
  notAfter,
}: {
  names: string[];
  ip?: boolean;
  notBefore?: Date;
  notAfter?: Date;
}) {
  const day = 86_400_000;
  const ca = await generate([{ name: 'commonName', value: 'Odd test CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.now() - 30 * day),
    notAfterDate: new Date(Date.now() + 365 * day),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const leaf = await generate([{ name: 'commonName', value: names[0]! }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: notBefore ?? new Date(Date.now() - day),
    notAfterDate: notAfter ?? new Date(Date.now() + 30 * day),
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...names.map((value) => ({ type: 2 as const, value })),
          ...(ip ? [{ type: 7 as const, ip: '127.0.0.1' }] : []),
        ],
      },
    ],
  });
  const server: Server = createServer({ cert: leaf.cert, key: leaf.private }, (_req, res) => res.end('{}'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    caCert: ca.cert,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function failureOf(url: string, caCert: string): Promise<TransportError> {
  const http = createSyncHttp({ baseUrl: url, caCert });
  try {
    const error = await http.request('GET', '/sync/v1/health').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TransportError);
    return error as TransportError;
  } finally {
    http.close();
  }
}

describe('the sync engine names certificate problems the same way', () => {
  it('an expired certificate (the CA trusted)', async () => {
    const day = 86_400_000;
    const server = await serverWith({
      names: ['localhost'],
      notBefore: new Date(Date.now() - 400 * day),
      notAfter: new Date(Date.now() - day),
    });
    try {
      const error = await failureOf(server.url, server.caCert);
      expect(error.code).toBe('tls_expired');
      expect(error.message).toMatch(/^Head office's certificate has expired .*check this PC's date and time$/);
    } finally {
      await server.close();
    }
  });

  it('a certificate not valid yet (this PC’s clock is behind)', async () => {
    const server = await serverWith({
      names: ['localhost'],
      notBefore: new Date(Date.now() + 10 * 86_400_000),
      notAfter: new Date(Date.now() + 400 * 86_400_000),
    });
    try {
      expect((await failureOf(server.url, server.caCert)).code).toBe('tls_not_yet_valid');
    } finally {
      await server.close();
    }
  });

  it('a certificate issued for another name than the address used', async () => {
    const server = await serverWith({ names: ['hq.example.cn'], ip: false });
    try {
      const error = await failureOf(server.url, server.caCert);
      expect(error.code).toBe('tls_wrong_name');
      expect(error.params).toEqual({ names: 'hq.example.cn', host: '127.0.0.1' });
      expect(error.message).toBe(
        "Head office's certificate is issued for hq.example.cn, not 127.0.0.1: use head office's address exactly as head office gave it",
      );
    } finally {
      await server.close();
    }
  });

  it('an enrolled PC whose head office is no longer trusted: the retry carries the plain message', async () => {
    const http = createSyncHttp({ baseUrl: hq.url, caCert: null });
    try {
      const session = createSession({
        http,
        credentials: { deviceId: 'd', refreshSecret: 's', serverUrl: hq.url },
        now: Date.now,
      });
      const error = await session.call('GET', '/sync/v1/pull').then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TransientError);
      expect((error as Error).message).toBe(
        "Head office's certificate is not trusted by this PC: add head office's CA certificate (ca.pem) on the Sync page",
      );
    } finally {
      http.close();
    }
  });
});
