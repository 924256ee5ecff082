/**
 * The pure pieces of head office's SMS sending: the rating in a customer's reply, Alibaba Cloud's
 * RPC signature (percent-encoding, a signature that checks and one that does not), the China dates
 * a lookup asks about, the settings (a secret never repeated in an error) and the log-only gateway
 * (a masked phone, never the text).
 */
import { describe, expect, it } from 'vitest';
import { chinaDates } from '../../headoffice/sms/aliyun-gateway';
import {
  canonicalQuery,
  percentEncode,
  rpcSignature,
  signatureMatches,
  stringToSign,
} from '../../headoffice/sms/aliyun-signature';
import { logOnlyGateway } from '../../headoffice/sms/log-gateway';
import { ratingOf } from '../../headoffice/sms/rating';
import { readSmsSettings } from '../../headoffice/sms/settings';
import { SettingsError } from '../../headoffice/settings';

describe('ratingOf', () => {
  it.each([
    ['5', 5],
    ['１', 1],
    ['５分，师傅很好', 5],
    ['我给4分', 4],
    [' 3 ', 3],
    ['2 2', 2],
  ])('%s → %s', (text, rating) => expect(ratingOf(text)).toBe(rating));

  it.each(['', '好', '15', '0', '6', '3或4', '5分 13800001111', '4.5', '２０２６年５'])('%s → no rating', (text) =>
    expect(ratingOf(text)).toBeNull(),
  );
});

describe('Alibaba Cloud RPC signature', () => {
  it('percent-encodes by RFC 3986 and sorts the parameters', () => {
    expect(percentEncode("a b*c~d!'()")).toBe('a%20b%2Ac~d%21%27%28%29');
    expect(percentEncode('短信')).toBe('%E7%9F%AD%E4%BF%A1');
    expect(canonicalQuery({ b: '2', a: '1', Signature: 'x' })).toBe('a=1&b=2');
    expect(stringToSign('POST', { A: '1 2' })).toBe('POST&%2F&A%3D1%25202');
  });

  it('a signed request checks with its secret, not with another or once a parameter changes', () => {
    const params = {
      AccessKeyId: 'LTAI5tTest',
      Action: 'SendSms',
      PhoneNumbers: '13800001111',
      TemplateParam: '{"content":"您好"}',
    };
    const signed = { ...params, Signature: rpcSignature('POST', params, 'secret-1') };
    expect(signed.Signature).toMatch(/^[A-Za-z0-9+/]{27}=$/);
    expect(signatureMatches('POST', signed, 'secret-1')).toBe(true);
    expect(signatureMatches('POST', signed, 'secret-2')).toBe(false);
    expect(signatureMatches('GET', signed, 'secret-1')).toBe(false);
    expect(signatureMatches('POST', { ...signed, PhoneNumbers: '13800002222' }, 'secret-1')).toBe(false);
  });
});

describe('chinaDates', () => {
  it('names the China day of the claim and the days up to now, at most three', () => {
    expect(chinaDates(new Date('2026-12-07T15:59:00Z'), new Date('2026-12-07T15:59:30Z'))).toEqual(['20261207']);
    expect(chinaDates(new Date('2026-12-07T15:59:00Z'), new Date('2026-12-07T16:01:00Z'))).toEqual([
      '20261207',
      '20261208',
    ]);
    expect(chinaDates(new Date('2026-12-01T00:00:00Z'), new Date('2026-12-09T00:00:00Z'))).toHaveLength(3);
  });
});

describe('SMS settings', () => {
  it('defaults to the log-only gateway with no callbacks', () => {
    expect(readSmsSettings({})).toMatchObject({ gateway: 'log', aliyun: null, callbackToken: null, maxAttempts: 6 });
  });

  it('names what the aliyun gateway is missing, and never repeats a secret it refuses', () => {
    expect(() => readSmsSettings({ HEADOFFICE_SMS_GATEWAY: 'aliyun' })).toThrow(
      /HEADOFFICE_SMS_ALIYUN_ACCESS_KEY_ID, HEADOFFICE_SMS_ALIYUN_ACCESS_KEY_SECRET, HEADOFFICE_SMS_ALIYUN_SIGN_NAME$/m,
    );
    // The one-template variables of before are refused by name, not silently ignored.
    expect(() => readSmsSettings({ HEADOFFICE_SMS_ALIYUN_TEMPLATE_CODE: 'SMS_123456789' })).toThrow(
      /HEADOFFICE_SMS_ALIYUN_TEMPLATE_CODE is no longer read: set a template code per event in the console/,
    );
    let message = '';
    try {
      readSmsSettings({
        HEADOFFICE_SMS_CALLBACK_TOKEN: 'short!secret',
        HEADOFFICE_SMS_ALIYUN_ACCESS_KEY_SECRET: 'tiny',
      });
    } catch (error) {
      expect(error).toBeInstanceOf(SettingsError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/HEADOFFICE_SMS_CALLBACK_TOKEN/);
    expect(message).toMatch(/HEADOFFICE_SMS_ALIYUN_ACCESS_KEY_SECRET/);
    expect(message).not.toMatch(/short!secret|tiny/);
    expect(() => readSmsSettings({ HEADOFFICE_SMS_ALIYUN_ENDPOINT: 'http://sms.example.com/' })).toThrow(/https/);
  });

  it('reads a full aliyun configuration', () => {
    const settings = readSmsSettings({
      HEADOFFICE_SMS_GATEWAY: 'aliyun',
      HEADOFFICE_SMS_ALIYUN_ACCESS_KEY_ID: 'LTAI5tExample01',
      HEADOFFICE_SMS_ALIYUN_ACCESS_KEY_SECRET: 'example-secret-value',
      HEADOFFICE_SMS_ALIYUN_SIGN_NAME: '柜台服务',
      HEADOFFICE_SMS_PER_SECOND: '5',
    });
    expect(settings.aliyun).toMatchObject({ endpoint: 'https://dysmsapi.aliyuncs.com/', signName: '柜台服务' });
    expect(settings.perSecond).toBe(5);
  });
});

describe('the log-only gateway', () => {
  it('logs the message id and a masked phone, never the number or the text', async () => {
    const lines: string[] = [];
    const gateway = logOnlyGateway((message, details) => lines.push(`${message} ${JSON.stringify(details)}`));
    const result = await gateway.send({
      messageId: 'm1',
      phone: '13800001111',
      body: '张伟您好，工单已修好',
      event: 'ready_for_pickup',
      templateCode: null,
      params: {},
      firstClaimedAt: new Date(),
    });
    expect(result).toEqual({ ok: true, providerMessageId: 'log-m1' });
    expect(lines.join('\n')).toContain('138****1111');
    expect(lines.join('\n')).toContain('m1');
    expect(lines.join('\n')).not.toMatch(/13800001111|张伟|工单/);
  });
});
