/**
 * One pass of head office's SMS sender in a process of its own, so a test can kill it with SIGKILL
 * in the middle of a send (test/headoffice/sms-sending.spec.ts). It says `ready` on stdout, then
 * runs the pass; the test kills it once the fake provider has the request.
 *
 * Environment: SMS_PG_URL, SMS_ENDPOINT, SMS_KEY_ID, SMS_KEY_SECRET, SMS_NOW (ms: the test's clock).
 */
import { writeSync } from 'node:fs';
import { createHlc } from '../../../db/sync/hlc';
import { HQ_NODE } from '../../../db/sync/merge';
import { connectHq } from '../../../headoffice/db/open';
import { aliyunGateway } from '../../../headoffice/sms/aliyun-gateway';
import { createSmsSender } from '../../../headoffice/sms/sender';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const nowMs = Number(env('SMS_NOW'));
const now = () => nowMs;
const db = connectHq(env('SMS_PG_URL'), { max: 2 });
const sender = createSmsSender({
  db,
  hqClock: createHlc({ node: HQ_NODE, now }),
  now,
  gateway: aliyunGateway(
    {
      endpoint: env('SMS_ENDPOINT'),
      accessKeyId: env('SMS_KEY_ID'),
      accessKeySecret: env('SMS_KEY_SECRET'),
      signName: '柜台服务',
      timeoutMs: 60_000,
    },
    { now: () => new Date(nowMs) },
  ),
});
writeSync(1, 'ready\n');
const report = await sender.runOnce();
writeSync(1, `done ${JSON.stringify(report)}\n`);
await db.destroy();
