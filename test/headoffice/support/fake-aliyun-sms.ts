/**
 * A local stand-in for Alibaba Cloud SMS (dysmsapi 2017-05-25) on 127.0.0.1, for head office's SMS
 * tests: it checks every request's RPC signature with the AccessKey secret it was given (the
 * published rule, headoffice/sms/aliyun-signature.ts), its timestamp and nonce, and refuses a bad
 * one as the real service does (HTTP 400 `SignatureDoesNotMatch`, 404 `InvalidAccessKeyId.NotFound`).
 * `SendSms` records the message it accepted; `QuerySendDetails` answers from those records, by phone
 * and China date, with their OutId. A test scripts what the next sends meet: a 5xx, a provider
 * error code, an answer that never comes (`hang`), or a message accepted and then no answer
 * (`accept-and-hang`, a timeout after the provider has it).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signatureMatches } from '../../../headoffice/sms/aliyun-signature';

export type SendStep = 'ok' | 'hang' | 'accept-and-hang' | { status: number; code: string };

export type AcceptedSms = {
  outId: string;
  phone: string;
  signName: string;
  templateCode: string;
  param: Record<string, string>;
  bizId: string;
  day: string;
};

export type FakeAliyunSms = {
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  /** Every SendSms the fake accepted, in order. */
  accepted: AcceptedSms[];
  /** Every request and what the fake answered (action, HTTP status, Code, when it arrived in ms). */
  calls: { action: string; status: number; code: string; at: number }[];
  /** What the next SendSms requests meet, one step each; afterwards `ok`. */
  plan(...steps: SendStep[]): void;
  /** Forgets the steps not yet met. */
  clearPlan(): void;
  /** Resolves when a SendSms for this OutId has arrived (before it is answered). */
  arrived(outId: string): Promise<void>;
  close(): Promise<void>;
};

const chinaDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');

export async function startFakeAliyunSms({
  accessKeyId = 'LTAI5tFakeKeyForTests',
  accessKeySecret = 'fake-secret-for-tests-only',
  now = () => new Date(),
  templates = {},
}: {
  accessKeyId?: string;
  accessKeySecret?: string;
  now?: () => Date;
  /** Approved template codes and the names of their variables: a send must name one and fill exactly these. */
  templates?: Readonly<Record<string, ReadonlyArray<string>>>;
} = {}): Promise<FakeAliyunSms> {
  const accepted: AcceptedSms[] = [];
  const calls: FakeAliyunSms['calls'] = [];
  const steps: SendStep[] = [];
  const waiting = new Map<string, () => void>();
  const arrivedIds = new Set<string>();
  const nonces = new Set<string>();
  const held = new Set<ServerResponse>();

  const answer = (res: ServerResponse, action: string, status: number, body: Record<string, unknown>) => {
    calls.push({ action, status, code: String(body.Code ?? ''), at: Date.now() });
    res.writeHead(status, { 'content-type': 'application/json;charset=utf-8' });
    res.end(JSON.stringify({ RequestId: randomUUID(), ...body }));
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    let raw = '';
    for await (const chunk of req) {
      raw += String(chunk);
      if (raw.length > 64 * 1024) return answer(res, '?', 413, { Code: 'RequestTooLarge' });
    }
    const method = req.method === 'POST' ? 'POST' : 'GET';
    const source = method === 'POST' ? raw : ((req.url ?? '').split('?')[1] ?? '');
    const params = Object.fromEntries(new URLSearchParams(source)) as Record<string, string>;
    const action = params.Action ?? '?';
    if (params.AccessKeyId !== accessKeyId)
      return answer(res, action, 404, {
        Code: 'InvalidAccessKeyId.NotFound',
        Message: 'Specified access key is not found.',
      });
    if (params.SignatureMethod !== 'HMAC-SHA1' || params.SignatureVersion !== '1.0' || !params.SignatureNonce)
      return answer(res, action, 400, { Code: 'MissingParameter', Message: 'Signature parameters are missing.' });
    if (!signatureMatches(method, params, accessKeySecret))
      return answer(res, action, 400, {
        Code: 'SignatureDoesNotMatch',
        Message: 'Specified signature is not matched with our calculation.',
      });
    if (nonces.has(params.SignatureNonce))
      return answer(res, action, 400, {
        Code: 'SignatureNonceUsed',
        Message: 'Specified signature nonce was used already.',
      });
    nonces.add(params.SignatureNonce);
    const stamp = Date.parse(params.Timestamp ?? '');
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(params.Timestamp ?? '') || !Number.isFinite(stamp))
      return answer(res, action, 400, {
        Code: 'InvalidTimeStamp.Format',
        Message: 'Specified time stamp is not valid.',
      });
    if (params.Version !== '2017-05-25') return answer(res, action, 400, { Code: 'InvalidVersion' });

    if (action === 'SendSms') {
      const outId = params.OutId ?? '';
      arrivedIds.add(outId);
      waiting.get(outId)?.();
      const step = steps.shift() ?? 'ok';
      if (step === 'hang') return void held.add(res);
      if (typeof step === 'object') return answer(res, action, step.status, { Code: step.code, Message: 'scripted' });
      if (!/^1[3-9]\d{9}$/.test(params.PhoneNumbers ?? ''))
        return answer(res, action, 200, { Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: '非法手机号' });
      let param: Record<string, string>;
      try {
        param = JSON.parse(params.TemplateParam ?? '') as Record<string, string>;
      } catch {
        return answer(res, action, 200, { Code: 'isv.INVALID_JSON_PARAM', Message: 'JSON参数不合法' });
      }
      const variables = templates[params.TemplateCode ?? ''];
      if (!variables) return answer(res, action, 200, { Code: 'isv.SMS_TEMPLATE_ILLEGAL', Message: '模板不合法' });
      const given = Object.keys(param).sort();
      if (
        given.join() !== [...variables].sort().join() ||
        Object.values(param).some((v) => typeof v !== 'string' || v === '')
      )
        return answer(res, action, 200, { Code: 'isv.TEMPLATE_MISSING_PARAMETERS', Message: '模板缺少变量' });
      if (Object.values(param).some((v) => [...v].length > 35))
        return answer(res, action, 200, { Code: 'isv.PARAM_LENGTH_LIMIT', Message: '参数超出长度限制' });
      const bizId = `${now().getTime()}^${accepted.length + 1}`;
      accepted.push({
        outId,
        phone: params.PhoneNumbers!,
        signName: params.SignName ?? '',
        templateCode: params.TemplateCode ?? '',
        param,
        bizId,
        day: chinaDay(now()),
      });
      if (step === 'accept-and-hang') return void held.add(res);
      return answer(res, action, 200, { Code: 'OK', Message: 'OK', BizId: bizId });
    }
    if (action === 'QuerySendDetails') {
      const rows = accepted
        .filter((a) => a.phone === params.PhoneNumber && a.day === params.SendDate)
        .map((a) => ({
          PhoneNum: a.phone,
          SendStatus: 3,
          ErrCode: 'DELIVERED',
          TemplateCode: a.templateCode,
          OutId: a.outId,
          Content: JSON.stringify(a.param),
        }));
      return answer(res, action, 200, {
        Code: 'OK',
        Message: 'OK',
        TotalCount: rows.length,
        SmsSendDetailDTOs: { SmsSendDetailDTO: rows },
      });
    }
    return answer(res, action, 400, { Code: 'InvalidAction.NotFound' });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => answer(res, '?', 500, { Code: 'InternalError' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/`,
    accessKeyId,
    accessKeySecret,
    accepted,
    calls,
    plan: (...next) => steps.push(...next),
    clearPlan: () => steps.splice(0),
    arrived: (outId) =>
      arrivedIds.has(outId) ? Promise.resolve() : new Promise<void>((resolve) => waiting.set(outId, resolve)),
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
