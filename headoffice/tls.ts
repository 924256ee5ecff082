/**
 * Certificates for trying head office out and for the tests: a private CA and a server
 * certificate for 127.0.0.1/localhost signed by it (node:crypto cannot make X.509 certificates, the
 * `selfsigned` package can). Production uses the company's own certificate; a counter PC trusts the
 * CA certificate given at enrollment.
 */
import { generate } from 'selfsigned';

export type TlsMaterial = { caCert: string; cert: string; key: string };

export async function makeTestCertificates(hostnames: ReadonlyArray<string> = ['localhost']): Promise<TlsMaterial> {
  const notAfterDate = new Date(Date.now() + 365 * 86_400_000);
  const ca = await generate([{ name: 'commonName', value: 'Counterdesk test head office CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const server = await generate([{ name: 'commonName', value: hostnames[0] ?? 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [...hostnames.map((value) => ({ type: 2 as const, value })), { type: 7 as const, ip: '127.0.0.1' }],
      },
    ],
  });
  return { caCert: ca.cert, cert: server.cert, key: server.private };
}
