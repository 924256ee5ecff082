/** The logger's files: one JSON line per entry, rotated by size, and nothing personal in them. */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../db/log';
import { listLogFiles, logFileStem } from '../../../db/log-files';
import { scrubText, scrubValue } from '../../../db/log-scrub';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'counterdesk-logs-'));
  folders.push(dir);
  return dir;
}
function allText(dir: string): string {
  return readdirSync(dir)
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('\n');
}

describe('log files', () => {
  it('writes one JSON line per entry with level, scope, time and message', async () => {
    const dir = tempDir();
    const logger = createLogger({ scope: 'store', logDir: dir, stderr: false });
    logger.info('Backup taken', { kind: 'daily', bytes: 4096 });
    logger.warn('slow desk call customers.search', { ms: 57 });
    logger.error('sync failed', { error: new Error('socket hang up') });
    await logger.close();
    const lines = readFileSync(join(dir, 'store.log'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(3);
    const [first, , third] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(first).toMatchObject({
      level: 'info',
      scope: 'store',
      msg: 'Backup taken',
      details: { kind: 'daily', bytes: 4096 },
    });
    expect(Date.parse(String(first!['time']))).not.toBeNaN();
    expect(third).toMatchObject({ level: 'error', msg: 'sync failed' });
    expect(String((third!['details'] as { error: string }).error)).toContain('socket hang up');
  });

  it('keeps no phone, name, PIN, ID number or secret, in details, nested details or the message', async () => {
    const dir = tempDir();
    const logger = createLogger({ scope: 'main', logDir: dir, stderr: false });
    logger.error('customers.create failed: UNIQUE refused 13912345678 for 张三丰', {
      name: '张三丰',
      phone: '139 1234 5678',
      pin: '2468',
      input: { customer: { name: '李四', phones: ['13800138000'], idNumber: '11010519491231002X' } },
      note: 'call back on +86 138-0013-8000 or 021-62345678, ID 11010519491231002X',
      deviceSecret: 'dsk_secret_value',
      asNumber: 13700137000,
    });
    await logger.close();
    const text = allText(dir);
    for (const personal of [
      '张三丰',
      '李四',
      '2468',
      '13912345678',
      '1234 5678',
      '13800138000',
      '0013-8000',
      '62345678',
      '11010519491231002X',
      'dsk_secret_value',
      '13700137000',
    ])
      expect(text, personal).not.toContain(personal);
    // What is not personal survives, so the entry still says what happened.
    expect(text).toContain('customers.create failed');
    expect(text).toContain('[redacted]');
  });

  it('rotates by size and keeps a bounded number of files', async () => {
    const dir = tempDir();
    const logger = createLogger({ scope: 'host', logDir: dir, stderr: false, size: { bytes: 2_000, rotated: 2 } });
    for (let i = 0; i < 200; i += 1) {
      logger.info(`entry ${i}`, { padding: 'x'.repeat(100) });
      // Let the stream take each write: rotation happens between writes.
      if (i % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await logger.close();
    const names = readdirSync(dir).sort();
    expect(names).toEqual(['host.1.log', 'host.2.log', 'host.log']);
    for (const file of listLogFiles(dir)) expect(file.bytes).toBeLessThan(2_000 + 400);
    const kept = allText(dir);
    expect(kept).toContain('"entry 199"');
    // The oldest entries went with the file that rotated out.
    expect(kept).not.toContain('"entry 0"');
  });

  it('survives its folder disappearing: the counter keeps working, stderr keeps the entries', async () => {
    const dir = join(tempDir(), 'logs');
    const logger = createLogger({ scope: 'store', logDir: dir, stderr: false, size: { bytes: 500, rotated: 1 } });
    logger.info('first');
    await new Promise((resolve) => setTimeout(resolve, 20));
    rmSync(dir, { recursive: true, force: true });
    expect(() => {
      for (let i = 0; i < 20; i += 1) logger.info(`after ${i}`, { padding: 'y'.repeat(80) });
    }).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(logger.close()).resolves.toBeUndefined();
  });

  it('starts without a file when its folder cannot be made', async () => {
    const blocker = join(tempDir(), 'a-file');
    writeFileSync(blocker, 'not a folder');
    const logger = createLogger({ scope: 'main', logDir: join(blocker, 'logs'), stderr: false });
    expect(() => logger.error('still works')).not.toThrow();
    await expect(logger.close()).resolves.toBeUndefined();
  });

  it('writes nothing to a folder when none is given, and closes at once', async () => {
    const logger = createLogger({ scope: 'tool', stderr: false });
    logger.info('nothing kept');
    await expect(logger.close()).resolves.toBeUndefined();
  });
});

describe('scrubbing', () => {
  it('masks phones and ID numbers but keeps times, ticket numbers and backup names', () => {
    expect(scrubText('ticket S012-2-20261123-0001 at 2026-12-07T12:00:00.000Z')).toBe(
      'ticket S012-2-20261123-0001 at 2026-12-07T12:00:00.000Z',
    );
    expect(scrubText('counterdesk-daily-20261207T120000123Z.sqlite')).toBe(
      'counterdesk-daily-20261207T120000123Z.sqlite',
    );
    expect(scrubText('phone 15012345678.')).toBe('phone [number].');
    expect(scrubText('id 110105194912310021')).toBe('id [number]');
  });

  it('masks keys that only contain a secret or personal word, and e-mail addresses, but keeps ordinary keys', () => {
    const scrubbed = scrubValue(
      {
        refreshSecret: 'abc123',
        accessToken: 'eyJhbGciOi',
        customerPhone: '021-5555-1234',
        contactEmail: 'x@y.cn',
        method: 'sync.push',
        changes: 12,
      },
      {},
    ) as Record<string, unknown>;
    expect(scrubbed['refreshSecret']).toBe('[redacted]');
    expect(scrubbed['accessToken']).toBe('[redacted]');
    expect(scrubbed['customerPhone']).toBe('[redacted]');
    expect(scrubbed['contactEmail']).toBe('[redacted]');
    expect(scrubbed['method']).toBe('sync.push');
    expect(scrubbed['changes']).toBe(12);
    expect(scrubText('mail wang.li+desk@example.com.cn about it')).not.toContain('wang.li');
  });

  it('shortens the home folder, which names the person using the PC', () => {
    expect(scrubText(`${homedir()}/.counterdesk/counterdesk.sqlite`, { home: homedir() })).toBe(
      '~/.counterdesk/counterdesk.sqlite',
    );
  });

  it('bounds depth, width and length, and survives a cycle', () => {
    const cycle: Record<string, unknown> = { a: 1 };
    cycle['self'] = cycle;
    expect(JSON.stringify(scrubValue(cycle))).toContain('[deeper]');
    const wide = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`k${i}`, i]));
    expect(Object.keys(scrubValue(wide) as object)).toHaveLength(51);
    expect(String(scrubValue('z'.repeat(10_000))).length).toBeLessThan(4_100);
  });

  it('names a file after its scope', () => {
    expect(logFileStem('Store process')).toBe('store-process');
    expect(logFileStem('../../etc')).toBe('etc');
    expect(logFileStem('')).toBe('app');
  });
});
