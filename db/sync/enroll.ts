/**
 * Enrollment (docs/SYNC.md §2.9): the counter PC gives head office's address (and optionally a CA
 * certificate to trust) and the one-time code; head office binds the PC to the code's store and
 * answers with the device id and refresh secret, which go to the credential store, never to the
 * database. The PC must be set up as the same store the code was issued for.
 *
 * A failure keeps a stable code (head office's refusal code, or a transport code such as
 * `tls_untrusted`) and its parameters beside the English message, so the Sync page can say it in
 * the counter's language.
 */
import type { Store } from '../open';
import { createSyncHttp, TransportError } from './client';
import type { CredentialStore } from './credentials';
import { exclusive, exclusiveTx } from '../exclusive';
import type { CounterHolder, EnrollResponse, SyncErrorBody } from './protocol';
import type { SyncServices } from './registration';
import { errorOf } from './session';
import { lastLocalSeq } from './outbox';
import { getNumber, getState, setState } from './state';
import type { EnrollFailure } from './status';
import type { EnrollInput } from './contract';

export type { EnrollInput } from './contract';

export class EnrollError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly params: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'EnrollError';
  }
}

/** What the Sync page is told about a failed enrollment. */
export function enrollFailureOf(error: unknown): EnrollFailure {
  if (error instanceof EnrollError) return { code: error.code, message: error.message, params: error.params };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error), params: {} };
}

/** The PC holding the counter number, as text parameters for the refusal shown on the Sync page. */
function holderParams(holder: CounterHolder): Record<string, string> {
  // Times as ISO instants, shown in the counter's language and time zone; the id's first part is
  // enough for head office to find the PC in its `devices` list.
  return {
    counterNo: String(holder.counterNo),
    holderId: holder.deviceId.slice(0, 8),
    enrolledAt: holder.enrolledAt,
    lastSync: holder.lastSeenAt ?? '',
  };
}

export async function enrollDevice(
  store: Store,
  credentials: CredentialStore,
  input: EnrollInput,
  { facts }: Pick<SyncServices, 'facts'>,
): Promise<EnrollResponse> {
  let url: URL;
  try {
    url = new URL(input.serverUrl);
  } catch {
    throw new EnrollError('bad_url', `Not a web address: ${input.serverUrl}`);
  }
  if (url.protocol !== 'https:') throw new EnrollError('bad_url', 'Head office must be reached over https://');
  const caCert = input.caCert?.trim() || null;
  if (caCert && !caCert.includes('-----BEGIN CERTIFICATE-----'))
    throw new EnrollError('bad_ca', 'The CA certificate must be PEM text starting with -----BEGIN CERTIFICATE-----');
  const local = await exclusiveTx(store, (trx) => facts.counter(trx));
  if (!local) throw new EnrollError('setup_needed', 'Set up the store on this PC before enrolling it');

  // A PC never enrolled before worked standalone: head office offers what it made of head
  // office's kinds of record (its parts, suppliers, standards) for review instead of refusing it.
  const standaloneThroughSeq = await exclusive(store, () =>
    getState(store.statements, 'device_id') === null
      ? lastLocalSeq(store.statements) - getNumber(store.statements, 'seq_base')
      : undefined,
  );
  const http = createSyncHttp({ baseUrl: url.origin, caCert });
  try {
    const answer = await http
      .request('POST', '/sync/v1/enroll', {
        body: {
          code: input.code.trim(),
          replicaId: store.replicaId,
          storeCode: local.storeCode,
          deviceName: input.deviceName,
          counterNo: local.counterNo,
          ...(standaloneThroughSeq ? { standaloneThroughSeq } : {}),
        },
      })
      .catch((error: unknown) => {
        if (error instanceof TransportError) throw new EnrollError(error.code, error.message, error.params);
        const detail = error instanceof Error ? error.message : String(error);
        throw new EnrollError('unreachable', `Head office unreachable: ${detail}`, { detail });
      });
    if (answer.status !== 200) {
      const refusal = errorOf(answer);
      // Head office names the code's store; this PC's own store is known here.
      const codeStore = (answer.body as Partial<SyncErrorBody> | null)?.codeStore;
      const params: Record<string, string> =
        refusal.error === 'store_mismatch' && typeof codeStore === 'string'
          ? { codeStore, thisStore: local.storeCode }
          : {};
      const holder = (answer.body as Partial<SyncErrorBody> | null)?.holder;
      if (refusal.error === 'counter_taken' && holder) Object.assign(params, holderParams(holder));
      throw new EnrollError(refusal.error, refusal.message, params);
    }
    const body = answer.body as EnrollResponse;
    credentials.save({ deviceId: body.deviceId, refreshSecret: body.refreshSecret, serverUrl: url.origin });
    await exclusive(store, () => {
      setState(store.statements, 'server_url', url.origin);
      setState(store.statements, 'server_ca', caCert);
      setState(store.statements, 'device_id', body.deviceId);
      setState(store.statements, 'store_code', body.storeCode);
      setState(store.statements, 'hq_store_id', body.storeId);
      setState(store.statements, 'revoked', null);
      setState(store.statements, 'last_error', null);
    });
    return body;
  } finally {
    http.close();
  }
}
