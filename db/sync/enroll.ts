/**
 * Enrollment (SYNC.md §2.9): the counter PC gives head office's address (and optionally a CA
 * certificate to trust) and the one-time code; head office binds the PC to the code's store and
 * answers with the device id and refresh secret, which go to the credential store, never to the
 * database. The PC must be set up as the same store the code was issued for.
 */
import type { Store } from '../open';
import { createSyncHttp } from './client';
import type { CredentialStore } from './credentials';
import { exclusive } from './exclusive';
import type { EnrollResponse } from './protocol';
import { errorOf } from './session';
import { setState } from './state';

export type EnrollInput = { serverUrl: string; code: string; caCert?: string | null; deviceName: string };

export class EnrollError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'EnrollError';
  }
}

export async function enrollDevice(store: Store, credentials: CredentialStore, input: EnrollInput): Promise<EnrollResponse> {
  let url: URL;
  try {
    url = new URL(input.serverUrl);
  } catch {
    throw new EnrollError('bad_url', `Not a web address: ${input.serverUrl}`);
  }
  if (url.protocol !== 'https:') throw new EnrollError('bad_url', 'Head office must be reached over https://');
  const caCert = input.caCert?.trim() || null;
  if (caCert && !caCert.includes('-----BEGIN CERTIFICATE-----')) throw new EnrollError('bad_ca', 'The CA certificate must be PEM text starting with -----BEGIN CERTIFICATE-----');
  const local = await exclusive(store, () => store.sqlite.prepare('SELECT code FROM store LIMIT 1').get() as { code: string } | undefined);
  if (!local) throw new EnrollError('setup_needed', 'Set up the store on this PC before enrolling it');

  const http = createSyncHttp({ baseUrl: url.origin, caCert });
  try {
    const answer = await http
      .request('POST', '/sync/v1/enroll', { body: { code: input.code.trim(), replicaId: store.replicaId, storeCode: local.code, deviceName: input.deviceName } })
      .catch((error: unknown) => {
        throw new EnrollError('unreachable', error instanceof Error ? error.message : String(error));
      });
    if (answer.status !== 200) throw new EnrollError(errorOf(answer).error, errorOf(answer).message);
    const body = answer.body as EnrollResponse;
    credentials.save({ deviceId: body.deviceId, refreshSecret: body.refreshSecret, serverUrl: url.origin });
    await exclusive(store, () => {
      setState(store.sqlite, 'server_url', url.origin);
      setState(store.sqlite, 'server_ca', caCert);
      setState(store.sqlite, 'device_id', body.deviceId);
      setState(store.sqlite, 'store_code', body.storeCode);
      setState(store.sqlite, 'hq_store_id', body.storeId);
      setState(store.sqlite, 'revoked', null);
      setState(store.sqlite, 'last_error', null);
    });
    return body;
  } finally {
    http.close();
  }
}
