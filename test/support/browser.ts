/**
 * The browser the tests drive: the Chromium that `@sparticuz/chromium` carries in its npm tarball,
 * so `npm ci && npm test` needs no system Chromium, no system fonts and no root. Its brotli archives
 * are unpacked once into a folder named after the package version
 * (node_modules/.cache/counterdesk-chromium/<version>/), beside a launcher script that points the
 * browser at the libraries (NSS, shipped for Amazon Linux) and the fonts unpacked with it, and at
 * nothing of the system's — so every machine renders the forms with the same browser and fonts.
 *
 * CHROMIUM_PATH names another browser for a developer who wants their own.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize, sep } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

const require = createRequire(import.meta.url);

/**
 * The flags this closed network needs (docs/ELECTRON.md §5). None of @sparticuz/chromium's own
 * `args`: they are for AWS Lambda (`--single-process`, `--disable-web-security`, swiftshader WebGL,
 * a 32 MB disk cache) and would make the tests drive a browser unlike the one a counter uses.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The archives in the package's bin folder, and where each goes in the unpacked folder. */
const ARCHIVES = [
  { file: 'chromium.br', kind: 'file', to: 'chromium' },
  { file: 'fonts.tar.br', kind: 'tar', to: '.' },
  { file: 'swiftshader.tar.br', kind: 'tar', to: '.' },
  { file: 'al2023.tar.br', kind: 'tar', to: '.' },
] as const;

export const LAUNCHER = 'chromium-launcher';

function packageFolder(): string {
  return dirname(dirname(require.resolve('@sparticuz/chromium')));
}

function packageVersion(folder: string): string {
  const { version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version: string };
  return version;
}

/** Where the browser of this package version is unpacked; COUNTERDESK_BROWSER_CACHE moves it. */
export function browserFolder(): string {
  const pkg = packageFolder();
  const cache =
    process.env['COUNTERDESK_BROWSER_CACHE'] ?? join(dirname(dirname(pkg)), '.cache', 'counterdesk-chromium');
  return join(cache, packageVersion(pkg));
}

/**
 * Unpacks a plain tar (what the package's archives are: files and folders only) under `into`.
 * A name that climbs out of `into`, or a link, is refused rather than followed.
 */
export function untar(tar: Buffer, into: string): void {
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const text = (start: number, length: number) =>
      header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const size = parseInt(text(124, 12).trim() || '0', 8);
    const type = text(156, 1) || '0';
    const prefix = text(345, 155);
    const name = prefix ? `${prefix}/${text(0, 100)}` : text(0, 100);
    const mode = parseInt(text(100, 8).trim() || '644', 8);
    const body = tar.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    const target = normalize(join(into, name));
    if (target !== normalize(into) && !target.startsWith(normalize(into) + sep))
      throw new Error(`the browser archive names a file outside its folder: ${name}`);
    if (type === '5') mkdirSync(target, { recursive: true });
    else if (type === '0') {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, body, { mode: mode & 0o777 });
    } else if (type !== 'x' && type !== 'g') {
      throw new Error(`the browser archive holds an entry of type "${type}" (${name}), which is not unpacked`);
    }
  }
}

function xmlText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function fontsConf(folder: string): string {
  // Only the fonts unpacked with the browser: a machine's own fonts must not change a test's pixels.
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    `  <dir>${xmlText(join(folder, 'fonts'))}</dir>`,
    `  <cachedir>${xmlText(join(folder, 'fonts-cache'))}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n');
}

/** A path as one shell word, whatever characters it holds. */
function shellWord(path: string): string {
  return `'${path.replaceAll("'", `'\\''`)}'`;
}

function launcher(folder: string): string {
  return [
    '#!/bin/sh',
    '# Written by test/support/browser.ts: the unpacked Chromium with its own libraries and fonts.',
    `LD_LIBRARY_PATH=${shellWord(join(folder, 'lib'))}"\${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"`,
    `FONTCONFIG_FILE=${shellWord(join(folder, 'fonts.conf'))}`,
    'export LD_LIBRARY_PATH FONTCONFIG_FILE',
    `exec ${shellWord(join(folder, 'chromium'))} "$@"`,
    '',
  ].join('\n');
}

/**
 * The unpacked browser's launcher, unpacking it first when this version is not there yet. Two
 * test processes may both unpack: each writes a folder of its own and renames it into place, and
 * the one that loses the race throws its copy away — the folder is never seen half-written.
 */
export function unpackedChromium(): string {
  if (process.platform !== 'linux' || process.arch !== 'x64')
    throw new Error(
      `the Chromium in @sparticuz/chromium runs on Linux x64 only, not ${process.platform} ${process.arch}: set CHROMIUM_PATH to a Chrome or Chromium`,
    );
  const folder = browserFolder();
  const entry = join(folder, LAUNCHER);
  if (existsSync(entry)) return entry;
  const bin = join(packageFolder(), 'bin');
  const temporary = `${folder}.unpacking-${process.pid}-${Date.now()}`;
  try {
    mkdirSync(temporary, { recursive: true });
    for (const archive of ARCHIVES) {
      const bytes = brotliDecompressSync(readFileSync(join(bin, archive.file)));
      if (archive.kind === 'file') writeFileSync(join(temporary, archive.to), bytes, { mode: 0o755 });
      else untar(bytes, join(temporary, archive.to));
    }
    writeFileSync(join(temporary, 'fonts.conf'), fontsConf(folder));
    writeFileSync(join(temporary, LAUNCHER), launcher(folder));
    chmodSync(join(temporary, LAUNCHER), 0o755);
    try {
      renameSync(temporary, folder);
    } catch (error) {
      // Another process put its copy in place first: use that one.
      if (!existsSync(entry)) throw error;
    }
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
  return entry;
}

/** The executable the tests launch: CHROMIUM_PATH when a developer names one, else the unpacked one. */
export function testChromium(): string {
  return process.env['CHROMIUM_PATH'] ?? unpackedChromium();
}

/** Launches the tests' browser headless, with the flags above (and any `options` given). */
export function launchTestBrowser(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    ...options,
    executablePath: testChromium(),
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}
