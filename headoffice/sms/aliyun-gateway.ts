/**
 * Alibaba Cloud SMS (dysmsapi, API version 2017-05-25) as an `SmsGateway`: `SendSms` with the
 * message id as `OutId`, and `QuerySendDetails` to ask, after an unknown outcome, whether the
 * provider has a message with that OutId for the phone on the day it was sent. Requests are POSTed
 * form-encoded and signed (aliyun-signature.ts). Mainland Chinese SMS must use a template approved
 * by the provider: each event has its own (set in the console), sent as `TemplateCode` with its
 * named variables as `TemplateParam` (templates.ts).
 */
import { randomUUID } from 'node:crypto';
import type { LookupResult, SendFailure, SmsGateway } from './gateway';
import { rpcSignature, rpcTimestamp } from './aliyun-signature';

export type AliyunSmsConfig = Readonly<{
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  timeoutMs: number;
}>;

/** The provider's answers that mean "later may work": throttling, its own trouble, an empty balance. */
const RETRYABLE_CODES = new Set([
  'isp.SYSTEM_ERROR',
  'isp.RAM_PERMISSION_DENY',
  'isv.BUSINESS_LIMIT_CONTROL',
  'isv.AMOUNT_NOT_ENOUGH',
  'Throttling',
  'Throttling.User',
  'Throttling.Api',
  'ServiceUnavailable',
  'InternalError',
]);
/** How much of an answer is read: the provider's answers are a few hundred bytes. */
const MAX_ANSWER_BYTES = 64 * 1024;
/** Errors raised before a connection existed: the provider cannot have the request. */
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

type Answer = { status: number; body: Record<string, unknown> | null };

export function aliyunGateway(config: AliyunSmsConfig, { now = () => new Date() } = {}): SmsGateway {
  async function call(action: string, actionParams: Record<string, string>): Promise<Answer> {
    const params: Record<string, string> = {
      AccessKeyId: config.accessKeyId,
      Action: action,
      Format: 'JSON',
      RegionId: 'cn-hangzhou',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: randomUUID(),
      SignatureVersion: '1.0',
      Timestamp: rpcTimestamp(now()),
      Version: '2017-05-25',
      ...actionParams,
    };
    params.Signature = rpcSignature('POST', params, config.accessKeySecret);
    const response = await fetch(config.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params).toString(),
      signal: AbortSignal.timeout(config.timeoutMs),
      redirect: 'error',
    });
    const text = await response.text();
    if (text.length > MAX_ANSWER_BYTES) return { status: response.status, body: null };
    try {
      const parsed = JSON.parse(text) as unknown;
      return {
        status: response.status,
        body: parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null,
      };
    } catch {
      return { status: response.status, body: null };
    }
  }

  return {
    provider: 'aliyun',
    needsTemplate: true,
    async send(message) {
      if (!message.templateCode) return { ok: false, retryable: false, ambiguous: false, code: 'no_template_code' };
      let answer: Answer;
      try {
        answer = await call('SendSms', {
          PhoneNumbers: message.phone,
          SignName: config.signName,
          TemplateCode: message.templateCode,
          TemplateParam: JSON.stringify(message.params),
          OutId: message.messageId,
        });
      } catch (error) {
        return transportFailure(error);
      }
      const code = typeof answer.body?.Code === 'string' ? answer.body.Code : null;
      if (answer.status === 200 && code === 'OK' && typeof answer.body?.BizId === 'string')
        return { ok: true, providerMessageId: answer.body.BizId };
      if (answer.status >= 500) return { ok: false, retryable: true, ambiguous: true, code: `http_${answer.status}` };
      if (code && RETRYABLE_CODES.has(code))
        return { ok: false, retryable: true, ambiguous: false, code: shortCode(code) };
      return { ok: false, retryable: false, ambiguous: false, code: shortCode(code ?? `http_${answer.status}`) };
    },
    async lookup(message) {
      // The provider files a message under its China date; a call just before midnight may land on the next.
      const days = chinaDates(message.firstClaimedAt, now());
      try {
        for (const day of days) {
          const answer = await call('QuerySendDetails', {
            PhoneNumber: message.phone,
            SendDate: day,
            PageSize: '50',
            CurrentPage: '1',
          });
          const found = foundIn(answer, message.messageId);
          if (found) return found;
        }
      } catch (error) {
        return { kind: 'unknown', code: transportFailure(error).code };
      }
      return { kind: 'not_found' };
    },
  };
}

function foundIn(answer: Answer, messageId: string): LookupResult | null {
  if (answer.status !== 200 || answer.body?.Code !== 'OK')
    throw new LookupRefused(typeof answer.body?.Code === 'string' ? answer.body.Code : `http_${answer.status}`);
  const holder = answer.body.SmsSendDetailDTOs as { SmsSendDetailDTO?: unknown } | undefined;
  const rows = Array.isArray(holder?.SmsSendDetailDTO) ? (holder.SmsSendDetailDTO as Record<string, unknown>[]) : [];
  const row = rows.find((r) => r.OutId === messageId);
  if (!row) return null;
  // SendStatus 1 waiting for the report, 2 failed, 3 delivered.
  const failed = Number(row.SendStatus) === 2;
  return {
    kind: 'found',
    providerMessageId: typeof row.BizId === 'string' ? row.BizId : '',
    failedCode: failed ? shortCode(String(row.ErrCode ?? 'failed')) : null,
  };
}

class LookupRefused extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

function transportFailure(error: unknown): SendFailure {
  if (error instanceof LookupRefused)
    return { ok: false, retryable: true, ambiguous: true, code: shortCode(error.code) };
  const name = (error as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return { ok: false, retryable: true, ambiguous: true, code: 'timeout' };
  const cause = (error as { cause?: { code?: string } }).cause;
  if (cause?.code && NEVER_CONNECTED.has(cause.code))
    return { ok: false, retryable: true, ambiguous: false, code: 'unreachable' };
  return { ok: false, retryable: true, ambiguous: true, code: 'network' };
}

/** A provider code as `last_error`: letters, digits, dots and underscores, at most 60. */
export function shortCode(code: string): string {
  return code.replace(/[^A-Za-z0-9._-]/g, '').slice(0, 60) || 'error';
}

/** yyyyMMdd in China (UTC+8, no daylight saving) of `from`, and of each later day up to `to`, at most 3. */
export function chinaDates(from: Date, to: Date): string[] {
  const day = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
  const out = [day(from)];
  for (let t = from.getTime() + 86_400_000; out.length < 3 && t <= to.getTime() + 86_400_000; t += 86_400_000) {
    const next = day(new Date(Math.min(t, to.getTime())));
    if (!out.includes(next)) out.push(next);
  }
  return out;
}
