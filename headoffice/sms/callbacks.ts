/**
 * The provider's callbacks (Alibaba Cloud SMS "HTTP batch push", 消息接收 HTTP 批量推送): delivery
 * reports (`SmsReport`) and customers' replies (`SmsUp`), each a JSON array POSTed to the URL set in
 * the provider's console, answered `{"code":0,"msg":"成功"}` (anything else and the provider pushes
 * again later, which `sms_inbound` makes harmless). The provider signs nothing here, so the URL
 * carries a shared secret: `?token=` (or the `x-sms-token` header), compared in constant time and
 * checked before the body is read. Bodies are bounded (64 KB, 500 entries).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HqError } from '../auth';
import { isDatabaseDown } from '../http/errors';
import type { HeadOfficeServices } from '../http/services';
import { shortCode } from './aliyun-gateway';
import { applyDeliveryReports, applyReplies } from './inbound';

export const CALLBACK_BODY_LIMIT = 64 * 1024;
const MAX_ENTRIES = 500;

const text = (max: number) => z.union([z.string().max(max), z.number()]).transform(String);

export const smsReportSchema = z
  .array(
    z.object({
      phone_number: text(32).optional(),
      send_time: text(40).optional(),
      report_time: text(40).optional(),
      success: z.union([z.boolean(), z.enum(['true', 'false'])]).transform((v) => v === true || v === 'true'),
      err_code: text(80).optional(),
      biz_id: text(80),
      out_id: text(128).optional(),
    }),
  )
  .max(MAX_ENTRIES);

export const smsUpSchema = z
  .array(
    z.object({
      phone_number: text(32),
      send_time: text(40),
      content: z.string().max(1000),
      sequence_id: text(80).optional(),
      dest_code: text(40).optional(),
    }),
  )
  .max(MAX_ENTRIES);

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

function requireToken(token: string) {
  const wanted = digest(token);
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const query = request.query as Record<string, unknown> | undefined;
    const given = request.headers['x-sms-token'] ?? query?.token;
    if (typeof given !== 'string' || !timingSafeEqual(digest(given), wanted))
      throw new HqError(401, 'unauthorized', 'SMS callback without the right token');
  };
}

const ACCEPTED = { code: 0, msg: '成功' };

/**
 * The shared error handler logs a failed request's URL, which here holds the token: a failure is
 * logged without it and answered as head office's own error instead.
 */
async function withoutUrlInLog<T>(services: HeadOfficeServices, route: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HqError) throw error;
    if (isDatabaseDown(error))
      throw new HqError(503, 'unavailable', 'Head office database is unavailable; retry later');
    services.log(`[error] ${route}: ${error instanceof Error ? error.message : String(error)}`);
    throw new HqError(500, 'internal', 'Head office hit an error; nothing was applied');
  }
}

export function smsCallbackRoutes(token: string, provider = 'aliyun'): FastifyPluginAsyncZod<HeadOfficeServices> {
  return async (app, services) => {
    const deps = { db: services.db, hqClock: services.hqClock, now: services.now, provider };
    // onRequest: a caller without the token is refused before its body is read or parsed.
    const common = { onRequest: requireToken(token), bodyLimit: CALLBACK_BODY_LIMIT };
    app.post('/sms/v1/aliyun/report', { ...common, schema: { body: smsReportSchema } }, async (request) => {
      const summary = await withoutUrlInLog(services, 'sms report', () =>
        applyDeliveryReports(
          deps,
          request.body.map((r) => ({
            messageId: r.out_id ? r.out_id : null,
            providerMessageId: r.biz_id,
            delivered: r.success,
            code: r.success ? '' : shortCode(r.err_code ?? 'failed'),
            key: `${r.biz_id}|${r.report_time ?? ''}|${r.success}`,
          })),
        ),
      );
      if (summary.unmatched > 0) services.log(`[warn] sms: ${summary.unmatched} delivery report(s) matched no message`);
      return ACCEPTED;
    });
    app.post('/sms/v1/aliyun/reply', { ...common, schema: { body: smsUpSchema } }, async (request) => {
      const summary = await withoutUrlInLog(services, 'sms reply', () =>
        applyReplies(
          deps,
          request.body.map((r) => ({
            phone: r.phone_number,
            text: r.content,
            key: r.sequence_id
              ? `seq|${r.sequence_id}`
              : createHash('sha256').update(`${r.phone_number}|${r.send_time}|${r.content}`).digest('hex'),
          })),
        ),
      );
      if (summary.unmatched > 0)
        services.log(`[warn] sms: ${summary.unmatched} reply(ies) matched no message sent in the last 7 days`);
      return ACCEPTED;
    });
  };
}
