/**
 * Exactly once across a head-office restart. A sender in a child process claims a message and calls
 * the fake provider, which takes the request and holds its answer; the child is killed with SIGKILL
 * right then. Until the claim's lease runs out no other sender touches the message; after it, the
 * next sender asks the provider by the message id (OutId), finds it, records it as sent and sends
 * nothing. A sender that died after its claim but before its request reached the provider leaves a
 * message the provider has never seen: that one is sent, once.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { SmsGateway } from '../../headoffice/sms/gateway';
import { startSmsHeadOffice, type SmsHeadOffice } from './support/sms-hq';

const root = fileURLToPath(new URL('../..', import.meta.url));
const LEASE_MS = 5 * 60_000;
let hq: SmsHeadOffice;
let bundleDir: string;

beforeAll(async () => {
  hq = await startSmsHeadOffice();
  // The child is bundled once (as test/sync/support/child-counter.ts does) so it runs on plain node.
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  bundleDir = mkdtempSync(join(cache, 'counterdesk-sms-'));
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: 'test/headoffice/support/sms-sender-child.ts',
      outDir: bundleDir,
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'sms-sender-child.js' } },
    },
  });
});

afterEach(async () => {
  await hq.settle();
});

afterAll(async () => {
  await hq?.close();
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
});

it('a sender killed while the provider holds its request: no second message after the restart', async () => {
  const { messageId } = await hq.queueMessage(hq.pcs.s012);
  hq.fake.plan('accept-and-hang');
  const child = spawn(process.execPath, [join(bundleDir, 'sms-sender-child.js')], {
    env: {
      ...process.env,
      SMS_PG_URL: hq.pgUrl,
      SMS_ENDPOINT: hq.fake.endpoint,
      SMS_KEY_ID: hq.fake.accessKeyId,
      SMS_KEY_SECRET: hq.fake.accessKeySecret,
      SMS_NOW: String(hq.now()),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  await Promise.race([
    hq.fake.arrived(messageId),
    ended.then(() => {
      throw new Error(`the child ended before its request arrived: ${stderr}`);
    }),
  ]);
  child.kill('SIGKILL');
  expect(await ended).toBe('SIGKILL');

  // The durable claim the child committed before calling.
  const claimed = await hq.outbox(messageId);
  expect(claimed).toMatchObject({ status: 'sending', attempts: 1 });
  expect(claimed.claimedBy).not.toBeNull();
  expect(hq.fake.accepted.filter((a) => a.outId === messageId)).toHaveLength(1);

  // Head office restarted within the lease: the claim may still be live, so it is left alone.
  const restarted = hq.sender({ leaseMs: LEASE_MS });
  const calls = hq.fake.calls.length;
  hq.clock.ms += LEASE_MS - 1000;
  expect(await restarted.runOnce()).toMatchObject({ claimed: 0 });
  expect(hq.fake.calls.length).toBe(calls);

  hq.clock.ms += 2000;
  expect(await restarted.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
  expect(hq.fake.calls.slice(calls).map((c) => c.action)).toEqual(['QuerySendDetails']);
  expect(hq.fake.accepted.filter((a) => a.outId === messageId)).toHaveLength(1);
  expect(await hq.outbox(messageId)).toMatchObject({ status: 'sent', attempts: 2, unsure: false });
  expect((await hq.state('message_delivery', messageId))?.fields).toMatchObject({ status: 'sent' });
});

it('a sender that died between its claim and its request: the provider never had it, so it is sent once', async () => {
  const { messageId } = await hq.queueMessage(hq.pcs.s020, { phone: '13900003333' });
  // The claim commits, then the process "dies": its call never returns and nothing reaches the provider.
  const dying: SmsGateway = {
    provider: 'aliyun',
    needsTemplate: true,
    send: () => new Promise(() => {}),
    lookup: () => new Promise(() => {}),
  };
  void hq.sender({ gateway: dying }).runOnce();
  await expect.poll(async () => (await hq.outbox(messageId)).status).toBe('sending');

  hq.clock.ms += LEASE_MS + 1000;
  const calls = hq.fake.calls.length;
  expect(await hq.sender({ leaseMs: LEASE_MS }).runOnce()).toMatchObject({ claimed: 1, sent: 1 });
  expect(hq.fake.calls.slice(calls).map((c) => c.action)).toEqual(['QuerySendDetails', 'SendSms']);
  expect(hq.fake.accepted.filter((a) => a.outId === messageId)).toHaveLength(1);
  expect(await hq.outbox(messageId)).toMatchObject({ status: 'sent', attempts: 2 });
});
