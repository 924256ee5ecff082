/**
 * The Sync page's "Last problem" for an enrolled PC in the counter's language: every failure the
 * engine records with a code (certificate, network, head office down, a stop) has a text in both
 * languages with exactly its parameters; a failure without a code shows the engine's message.
 */
import { describe, expect, it } from 'vitest';
import { placeholders, syncTranslator } from './sync-i18n';
import { describeTransportFailure } from '../../db/sync/transport-failure';
import type { SyncFailure } from '../../db/sync/session';
import { syncEn } from '../../renderer/i18n/sync.en';
import { syncZhCN } from '../../renderer/i18n/sync.zh-CN';
import { lastProblemText } from '../../renderer/pages/sync/last-problem';

const asFailure = ({ code, params }: { code: string; params: Record<string, string> }): SyncFailure => ({
  code,
  params,
});

/** What the engine records: transport failures (db/sync/transport-failure.ts), head office's 5xx, the stops. */
const failures: SyncFailure[] = [
  asFailure(
    describeTransportFailure(
      { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', message: 'x' },
      { host: '127.0.0.1', caGiven: false },
    ),
  ),
  asFailure(
    describeTransportFailure({ code: 'SELF_SIGNED_CERT_IN_CHAIN', message: 'x' }, { host: '127.0.0.1', caGiven: true }),
  ),
  asFailure(describeTransportFailure({ code: 'CERT_HAS_EXPIRED', message: 'x' }, { host: '127.0.0.1', caGiven: true })),
  asFailure(
    describeTransportFailure({ code: 'CERT_NOT_YET_VALID', message: 'x' }, { host: '127.0.0.1', caGiven: true }),
  ),
  asFailure(
    describeTransportFailure(
      { code: 'ERR_TLS_CERT_ALTNAME_INVALID', message: 'x', cert: { subjectaltname: 'DNS:hq.example.cn' } },
      { host: '127.0.0.1', caGiven: true },
    ),
  ),
  asFailure(
    describeTransportFailure(
      { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:8443' },
      { host: '127.0.0.1', caGiven: false },
    ),
  ),
  { code: 'interrupted', params: {} },
  { code: 'hq_unavailable', params: { status: '503' } },
  { code: 'history_lost', params: {} },
  { code: 'upgrade_required', params: {} },
];

describe('the last sync problem on the Sync page', () => {
  it('has a text for every failure the engine records, in both languages, with the same placeholders as its parameters', () => {
    expect(failures.map((f) => f.code).sort()).toEqual(Object.keys(syncEn.page.failures).sort());
    for (const failure of failures) {
      const key = failure.code as keyof typeof syncEn.page.failures;
      expect(placeholders(syncEn.page.failures[key]), failure.code).toEqual(Object.keys(failure.params).sort());
      expect(placeholders(syncZhCN.page.failures[key]), failure.code).toEqual(Object.keys(failure.params).sort());
    }
  });

  it('reads as Chinese for a Chinese counter, and falls back to the engine’s message without a code', async () => {
    const t = await syncTranslator('zh-CN');
    expect(
      lastProblemText(t, {
        lastError: 'Head office answered 503: down',
        lastFailure: { code: 'hq_unavailable', params: { status: '503' } },
      }),
    ).toBe('总部暂时不可用（应答 503），本机会自动重试。');
    for (const failure of failures)
      expect(lastProblemText(t, { lastError: 'x', lastFailure: failure })).not.toMatch(/[A-Za-z]{3,} [A-Za-z]{2,}/);
    expect(lastProblemText(t, { lastError: 'Push refused (400): bad request', lastFailure: null })).toBe(
      'Push refused (400): bad request',
    );
    expect(lastProblemText(t, { lastError: null, lastFailure: null })).toBeNull();
  });
});
