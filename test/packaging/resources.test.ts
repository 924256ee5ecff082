/**
 * The committed icons and installer artwork (scripts/make-icons.mjs) in the formats and sizes the
 * packagers expect, and every file electron-builder.yml names present. NSIS only shows a problem
 * with its artwork on Windows, at install time, so it is checked here from the bytes.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

const resources = path.resolve(import.meta.dirname, '../../resources');

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
async function pngSize(file: string): Promise<[number, number]> {
  const bytes = await readFile(file);
  expect(bytes.subarray(0, 8).toString('hex'), file).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1'), file).toBe('IHDR');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('Linux and tray icons', () => {
  test('icon.png is 1024 px and icon-512.png 512 px', async () => {
    expect(await pngSize(path.join(resources, 'icon.png'))).toEqual([1024, 1024]);
    expect(await pngSize(path.join(resources, 'icon-512.png'))).toEqual([512, 512]);
  });

  test('icons/ holds NxN.png for the hicolor sizes, each as large as its name says', async () => {
    const files = (await readdir(path.join(resources, 'icons'))).sort((a, b) => parseInt(a) - parseInt(b));
    expect(files).toEqual([
      '16x16.png',
      '24x24.png',
      '32x32.png',
      '48x48.png',
      '64x64.png',
      '128x128.png',
      '256x256.png',
      '512x512.png',
    ]);
    for (const file of files) {
      const side = parseInt(file);
      expect(await pngSize(path.join(resources, 'icons', file)), file).toEqual([side, side]);
    }
  });

  test('the tray icon comes at 1×, 1.5× and 2× of 16 px', async () => {
    expect(await pngSize(path.join(resources, 'tray', 'tray.png'))).toEqual([16, 16]);
    expect(await pngSize(path.join(resources, 'tray', 'tray@1.5x.png'))).toEqual([24, 24]);
    expect(await pngSize(path.join(resources, 'tray', 'tray@2x.png'))).toEqual([32, 32]);
  });
});

describe('Windows', () => {
  test('icon.ico holds 16 to 256 px images at 32 bits', async () => {
    const ico = await readFile(path.join(resources, 'icon.ico'));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let index = 0; index < count; index++) {
      const entry = 6 + index * 16;
      // A width byte of 0 means 256.
      sizes.push(ico.readUInt8(entry) || 256);
      expect(ico.readUInt16LE(entry + 6), 'bits per pixel').toBe(32);
      const size = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(offset + size).toBeLessThanOrEqual(ico.length);
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  test.each([
    ['installerSidebar.bmp', 164, 314],
    ['installerHeader.bmp', 150, 57],
  ])('%s is a %i×%i uncompressed 24-bit BMP, as NSIS loads', async (file, width, height) => {
    const bmp = await readFile(path.join(resources, file));
    expect(bmp.subarray(0, 2).toString('latin1')).toBe('BM');
    expect(bmp.readUInt32LE(2)).toBe(bmp.length);
    expect(bmp.readUInt32LE(14), 'BITMAPINFOHEADER').toBe(40);
    expect([bmp.readInt32LE(18), bmp.readInt32LE(22)]).toEqual([width, height]);
    expect(bmp.readUInt16LE(28), 'bits per pixel').toBe(24);
    expect(bmp.readUInt32LE(30), 'compression').toBe(0);
    const rowSize = Math.ceil((width * 3) / 4) * 4;
    expect(bmp.length - bmp.readUInt32LE(10)).toBe(rowSize * height);
  });
});

test('every resource electron-builder.yml names is there', async () => {
  const config = parse(await readFile(path.resolve(resources, '../electron-builder.yml'), 'utf8')) as {
    directories: { buildResources: string };
    win: { icon: string };
    linux: { icon: string };
    nsis: Record<string, unknown>;
    extraResources: { from: string }[];
  };
  expect(path.resolve(resources, '..', config.directories.buildResources)).toBe(resources);
  const named = [
    config.win.icon,
    config.linux.icon,
    ...Object.entries(config.nsis)
      .filter(([key]) => /Icon$|Sidebar$|Header$/.test(key))
      .map(([, value]) => value as string),
  ];
  expect(named.length).toBeGreaterThanOrEqual(7);
  for (const file of named) expect(existsSync(path.join(resources, file)), file).toBe(true);
  for (const { from } of config.extraResources)
    expect(existsSync(path.resolve(resources, '..', from)), from).toBe(true);
});
