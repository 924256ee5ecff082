/**
 * The Sync page says why enrollment failed in the counter's language: every code db/ gives a
 * failure (certificate problems, head office's refusals) has a text in English and Chinese whose
 * placeholders are exactly the parameters db/ fills in; an unknown code shows db/'s own message.
 */
import { describe, expect, it } from 'vitest';
import { placeholders, syncTranslator } from './sync-i18n';
import { describeTransportFailure } from '../../db/sync/transport-failure';
import { syncEn } from '../../renderer/i18n/sync.en';
import { syncZhCN } from '../../renderer/i18n/sync.zh-CN';
import { enrollFailureText, type EnrollFailure } from '../../renderer/pages/sync/enroll-failure';
import { formatDateTime } from '../../renderer/format/date';

/** What db/ produces for each failure the page knows (see test/headoffice/enroll-errors.spec.ts). */
const failures: EnrollFailure[] = [
  describeTransportFailure(
    { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', message: 'unable to verify the first certificate' },
    { host: '127.0.0.1', caGiven: false },
  ),
  describeTransportFailure(
    { code: 'SELF_SIGNED_CERT_IN_CHAIN', message: 'self-signed certificate in certificate chain' },
    { host: '127.0.0.1', caGiven: true },
  ),
  describeTransportFailure(
    { code: 'CERT_HAS_EXPIRED', message: 'certificate has expired' },
    { host: '127.0.0.1', caGiven: true },
  ),
  describeTransportFailure(
    { code: 'CERT_NOT_YET_VALID', message: 'certificate is not yet valid' },
    { host: '127.0.0.1', caGiven: true },
  ),
  describeTransportFailure(
    {
      code: 'ERR_TLS_CERT_ALTNAME_INVALID',
      message: 'x',
      cert: { subjectaltname: 'DNS:hq.example.cn, IP Address:10.0.0.5' },
    },
    { host: '127.0.0.1', caGiven: true },
  ),
  describeTransportFailure(
    { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:8443' },
    { host: '127.0.0.1', caGiven: false },
  ),
  { code: 'interrupted', message: 'Head office answer broke off', params: {} },
  {
    code: 'enroll_code_invalid',
    message: 'This enrollment code is unknown, used or expired: ask head office for a new one',
    params: {},
  },
  {
    code: 'store_mismatch',
    message: 'This code is for store S020, but this PC is set up as store S012',
    params: { codeStore: 'S020', thisStore: 'S012' },
  },
  {
    code: 'counter_taken',
    message: 'Store S030 already has an active PC set up as counter 1',
    params: {
      counterNo: '1',
      holderId: '01a24e7e',
      enrolledAt: '2026-12-06T09:12:00.000Z',
      lastSync: '2026-12-07T02:58:00.000Z',
    },
  },
];

describe('enrollment failures on the Sync page', () => {
  it('has a text for every code db/ produces, in both languages, with the same placeholders as its parameters', () => {
    expect(failures.map((f) => f.code).sort()).toEqual(Object.keys(syncEn.enroll.errors).sort());
    for (const failure of failures) {
      const key = failure.code as keyof typeof syncEn.enroll.errors;
      expect(placeholders(syncEn.enroll.errors[key]), failure.code).toEqual(Object.keys(failure.params).sort());
      expect(placeholders(syncZhCN.enroll.errors[key]), failure.code).toEqual(Object.keys(failure.params).sort());
    }
  });

  it('reads as Chinese for a Chinese counter, with the stores and names filled in', async () => {
    const t = await syncTranslator('zh-CN');
    expect(enrollFailureText(t, failures[0]!)).toBe('本机不信任总部的证书：请在下方添加总部的 CA 证书（ca.pem）。');
    expect(
      enrollFailureText(
        t,
        failures.find((f) => f.code === 'store_mismatch')!,
      ),
    ).toBe('这个注册码属于门店 S020，而本机设置的是门店 S012：请使用发给 S012 的注册码。此注册码未被占用，仍可使用。');
    expect(
      enrollFailureText(
        t,
        failures.find((f) => f.code === 'tls_wrong_name')!,
      ),
    ).toBe('总部的证书是签发给 hq.example.cn, 10.0.0.5 的，不是 127.0.0.1：请按总部提供的地址原样填写。');
    expect(
      enrollFailureText(
        t,
        failures.find((f) => f.code === 'unreachable')!,
      ),
    ).toBe('连接不上总部（ECONNREFUSED）：请检查地址是否正确，以及本机是否已联网。');
    const taken = enrollFailureText(
      t,
      failures.find((f) => f.code === 'counter_taken')!,
      'zh-CN',
    );
    expect(taken).toContain('本店已有另一台电脑注册为 1 号柜台（设备编号 01a24e7e，注册于 ');
    // Times in the counter's own format, not as ISO text.
    expect(taken).not.toContain('T09:12');
    expect(taken).toContain(formatDateTime('2026-12-06T09:12:00.000Z', 'zh-CN'));
    // No English sentence left in any of them (the admin command to type is a command, not a sentence).
    for (const failure of failures)
      expect(enrollFailureText(t, failure).replace(/npm run headoffice:admin -- \w+/g, '')).not.toMatch(
        /[A-Za-z]{3,} [A-Za-z]{2,}/,
      );
  });

  it('falls back to db/’s own message for a code it does not know', async () => {
    const t = await syncTranslator('zh-CN');
    expect(
      enrollFailureText(t, {
        code: 'unavailable',
        message: 'Head office answered 503: down for maintenance',
        params: {},
      }),
    ).toBe('Head office answered 503: down for maintenance');
  });
});
