/**
 * Reading barcodes and QR codes back from a printed page's PNG with a real decoder (zxing-wasm,
 * its wasm loaded from node_modules: offline), the way a scanner at the counter would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

let prepared = false;

function prepare(): void {
  if (prepared) return;
  const wasm = readFileSync(join(process.cwd(), 'node_modules/zxing-wasm/dist/reader/zxing_reader.wasm'));
  prepareZXingModule({
    overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) },
    fireImmediately: true,
  });
  prepared = true;
}

export type ReadCode = { format: string; text: string };

/** Every Code 128 and QR code on the page, as the decoder reads them. */
export async function readCodes(pngFile: string): Promise<ReadCode[]> {
  prepare();
  const png = PNG.sync.read(readFileSync(pngFile));
  const image = { data: new Uint8ClampedArray(png.data), width: png.width, height: png.height, colorSpace: 'srgb' };
  const found = await readBarcodes(image as ImageData, { formats: ['Code128', 'QRCode'], maxNumberOfSymbols: 48 });
  return found.filter((code) => code.isValid).map((code) => ({ format: code.format, text: code.text }));
}
