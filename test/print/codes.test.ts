/** The QR code and barcode of a ticket number, as drawn on the forms. */
import { describe, expect, test } from 'vitest';
import { code128Bars } from '../../renderer/print/barcode';
import { qrPath } from '../../renderer/print/qr-code';

describe('Code 128', () => {
  test('a ticket number encodes as whole symbols (11 modules each, stop 13) between 10-module quiet zones', () => {
    const { modules, bars } = code128Bars('S012-2-20261123-0042');
    const symbols = (modules - 2 * 10 - 13) / 11;
    expect(Number.isInteger(symbols)).toBe(true);
    // Start, check and at least one symbol per two digits or one per other character.
    expect(symbols).toBeGreaterThanOrEqual(2 + 12);
    // Every symbol has three bars; the stop has four.
    expect(bars.length).toBe(symbols * 3 + 4);
    // Every start code begins with a 2-module bar, and the stop pattern ends with one.
    expect(bars[0]).toEqual([10, 2]);
    const last = bars.at(-1)!;
    expect(last).toEqual([modules - 12, 2]);
  });

  test('text Code 128 cannot carry is refused with its value', () => {
    expect(() => code128Bars('维修')).toThrow();
  });
});

describe('QR code', () => {
  test('a version-1 symbol with its three finder patterns, in a 4-module quiet zone', () => {
    const { size, path } = qrPath('S012-2-20261123-0042');
    expect(size).toBe(21 + 8);
    // The top-left corner of each finder pattern is dark.
    for (const [x, y] of [
      [4, 4],
      [4 + 14, 4],
      [4, 4 + 14],
    ])
      expect(path).toContain(`M${x} ${y}h1v1h-1z`);
    // Quiet zone: nothing drawn in the first four rows or columns.
    expect(path).not.toMatch(/M[0-3] /);
  });
});
