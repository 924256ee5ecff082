/**
 * Why a request never got an answer from head office, in words a store clerk can act on. Node
 * reports an untrusted certificate as "unable to verify the first certificate; … try running
 * Node.js with --use-system-ca", which tells a counter nothing: its TLS error codes are sorted here
 * into what is wrong (not trusted, expired, issued for another name) and what to do. Each failure
 * has a stable code so the renderer can translate it; the English message is for logs and fallback.
 */

export type TransportCode =
  | 'unreachable'
  | 'interrupted'
  | 'tls_untrusted'
  | 'tls_ca_mismatch'
  | 'tls_expired'
  | 'tls_not_yet_valid'
  | 'tls_wrong_name';

export type TransportFailure = { code: TransportCode; message: string; params: Record<string, string> };

/** OpenSSL's verdicts for a chain that does not lead to a CA this PC trusts. */
const UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);

type NodeTlsError = {
  code?: unknown;
  message?: unknown;
  host?: unknown;
  cert?: { subjectaltname?: unknown; subject?: { CN?: unknown } };
};

/** The names a certificate was issued for, as "hq.example, 10.0.0.5" (from its subjectAltName, else CN). */
function certificateNames(error: NodeTlsError): string {
  const alt = typeof error.cert?.subjectaltname === 'string' ? error.cert.subjectaltname : '';
  const names = alt
    .split(',')
    .map((entry) => entry.trim().replace(/^(DNS|IP Address):/, ''))
    .filter((name) => name.length > 0);
  if (names.length > 0) return names.join(', ');
  return typeof error.cert?.subject?.CN === 'string' ? error.cert.subject.CN : 'another name';
}

export function describeTransportFailure(
  error: unknown,
  { host, caGiven }: { host: string; caGiven: boolean },
): TransportFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as NodeTlsError;
  const code = typeof e.code === 'string' ? e.code : '';
  const detail = typeof e.message === 'string' ? e.message : String(error);
  if (UNTRUSTED.has(code)) {
    // A CA given at enrollment replaces the public ones for this connection: then it is the wrong CA.
    return caGiven
      ? {
          code: 'tls_ca_mismatch',
          message:
            "Head office's certificate is not signed by the CA certificate given on this PC: add head office's own CA certificate (ca.pem) on the Sync page",
          params: {},
        }
      : {
          code: 'tls_untrusted',
          message:
            "Head office's certificate is not trusted by this PC: add head office's CA certificate (ca.pem) on the Sync page",
          params: {},
        };
  }
  if (code === 'CERT_HAS_EXPIRED') {
    return {
      code: 'tls_expired',
      message:
        "Head office's certificate has expired (or this PC's date is wrong): ask head office to renew its certificate, and check this PC's date and time",
      params: {},
    };
  }
  if (code === 'CERT_NOT_YET_VALID') {
    return {
      code: 'tls_not_yet_valid',
      message: "Head office's certificate is not valid yet: check this PC's date and time",
      params: {},
    };
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    const names = certificateNames(e);
    return {
      code: 'tls_wrong_name',
      message: `Head office's certificate is issued for ${names}, not ${host}: use head office's address exactly as head office gave it`,
      params: { names, host },
    };
  }
  // The page shows Node's code (ECONNREFUSED, ENOTFOUND, ETIMEDOUT), not its English sentence.
  return { code: 'unreachable', message: `Head office unreachable: ${detail}`, params: { detail: code || detail } };
}
