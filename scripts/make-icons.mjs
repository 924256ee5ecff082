/**
 * Draws Counterdesk's icon and installer artwork into resources/ (committed; run again only when
 * the mark changes): `node scripts/make-icons.mjs` via `npm run icons`.
 *
 * The mark is a service bell on a blue tile: what stands on a counter when nobody is behind it.
 * Each size is drawn from the vectors (not scaled down from 1024), and the two smallest use a
 * bolder variant, so 16 px stays a bell rather than a blur.
 *
 * Output (docs/architecture/packaging.md lists who reads which file):
 *   icon.png (1024), icon-512.png    Linux: electron-builder's icon, the window icon
 *   icons/NxN.png                    Linux: hicolor sizes for the .desktop entry (AppImage, deb)
 *   icon.ico                         Windows: 16, 24, 32, 48, 64, 128, 256
 *   tray/tray.png, @1.5x, @2x        the tray (16, 24, 32 px)
 *   installerSidebar.bmp 164×314     NSIS welcome and finish pages, 24-bit BMP
 *   installerHeader.bmp 150×57       NSIS page header, 24-bit BMP
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { imagesToIco } from 'png-to-ico';
import { PNG } from 'pngjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const resources = path.join(root, 'resources');

// antd's primary blue (the renderer's theme) and a deeper shade for the tile's lower corner.
const BLUE = '#1677ff';
const DEEP_BLUE = '#0a47b0';
const WHITE = '#ffffff';

const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

GlobalFonts.registerFromPath(
  path.join(root, 'node_modules/@fontsource/noto-sans/files/noto-sans-latin-600-normal.woff2'),
  'Counterdesk Sans',
);

function roundedRect(ctx, x, y, width, height, radius) {
  ctx.beginPath();
  ctx.roundRect(x, y, width, height, radius);
  ctx.closePath();
}

/** The blue tile: fills `size` (compact) or leaves the margin desktop icon grids expect. */
function drawTile(ctx, x, y, size, compact) {
  const margin = compact ? 0 : size * 0.0625;
  const side = size - 2 * margin;
  const gradient = ctx.createLinearGradient(x + margin, y + margin, x + margin + side, y + margin + side);
  gradient.addColorStop(0, BLUE);
  gradient.addColorStop(1, DEEP_BLUE);
  ctx.fillStyle = gradient;
  roundedRect(ctx, x + margin, y + margin, side, side, side * (compact ? 0.2 : 0.22));
  ctx.fill();
}

/**
 * The bell, in a 1024-unit box scaled to `size` at (x, y): dome, knob and base plate. `bold`
 * thickens the knob and base, for 16 and 24 px; below 64 px the highlight is only noise.
 */
function drawBell(ctx, x, y, size, { bold = false, color = WHITE } = {}) {
  const highlight = size >= 64;
  const s = size / 1024;
  ctx.save();
  ctx.translate(x, y);
  ctx.scale(s, s);
  if (bold) {
    // Grow the bell around the tile's centre: at 16 px every pixel of it counts.
    ctx.translate(512, 512);
    ctx.scale(1.18, 1.18);
    ctx.translate(-512, -512);
  }
  ctx.fillStyle = color;
  // Dome: a half disc standing on the base plate.
  ctx.beginPath();
  ctx.arc(512, 650, 270, Math.PI, 2 * Math.PI);
  ctx.closePath();
  ctx.fill();
  // Knob: a stalk and a ball.
  const stalk = bold ? 60 : 36;
  ctx.fillRect(512 - stalk / 2, 330, stalk, 60);
  ctx.beginPath();
  ctx.arc(512, 322, bold ? 62 : 46, 0, 2 * Math.PI);
  ctx.fill();
  // Base plate, a little wider than the dome.
  roundedRect(ctx, 196, 682, 632, bold ? 92 : 70, bold ? 40 : 32);
  ctx.fill();
  if (highlight) {
    // A highlight on the dome, in the tile's blue, so large sizes read as metal, not a flat shape.
    ctx.strokeStyle = 'rgba(22, 119, 255, 0.35)';
    ctx.lineWidth = 34;
    ctx.lineCap = 'round';
    ctx.beginPath();
    ctx.arc(512, 650, 190, Math.PI * 1.14, Math.PI * 1.36);
    ctx.stroke();
  }
  ctx.restore();
}

/** The app icon at `size` px as PNG bytes (transparent outside the tile). */
function iconPng(size) {
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  const compact = size <= 24;
  drawTile(ctx, 0, 0, size, compact);
  drawBell(ctx, 0, 0, size, { bold: compact });
  return canvas.toBuffer('image/png');
}

/**
 * 24-bit BMP (BITMAPINFOHEADER, BI_RGB, bottom-up rows padded to 4 bytes), the format NSIS's
 * MUI2 pages load. Neither @napi-rs/canvas nor pngjs writes BMP; alpha is dropped, so callers
 * draw on an opaque background.
 */
function encodeBmp24(width, height, rgba) {
  const rowSize = Math.ceil((width * 3) / 4) * 4;
  const pixelBytes = rowSize * height;
  const headerSize = 14 + 40;
  const bmp = Buffer.alloc(headerSize + pixelBytes);
  bmp.write('BM', 0, 'latin1');
  bmp.writeUInt32LE(headerSize + pixelBytes, 2);
  bmp.writeUInt32LE(headerSize, 10);
  bmp.writeUInt32LE(40, 14);
  bmp.writeInt32LE(width, 18);
  bmp.writeInt32LE(height, 22);
  bmp.writeUInt16LE(1, 26);
  bmp.writeUInt16LE(24, 28);
  bmp.writeUInt32LE(0, 30);
  bmp.writeUInt32LE(pixelBytes, 34);
  bmp.writeInt32LE(2835, 38); // 72 dpi
  bmp.writeInt32LE(2835, 42);
  for (let row = 0; row < height; row++) {
    const source = (height - 1 - row) * width * 4;
    const target = headerSize + row * rowSize;
    for (let column = 0; column < width; column++) {
      const from = source + column * 4;
      const to = target + column * 3;
      bmp[to] = rgba[from + 2];
      bmp[to + 1] = rgba[from + 1];
      bmp[to + 2] = rgba[from];
    }
  }
  return bmp;
}

function bmpOf(canvas) {
  const { width, height } = canvas;
  const rgba = canvas.getContext('2d').getImageData(0, 0, width, height).data;
  return encodeBmp24(width, height, rgba);
}

/** NSIS welcome/finish sidebar: the tile and the name on the blue gradient. */
function installerSidebar() {
  const canvas = createCanvas(164, 314);
  const ctx = canvas.getContext('2d');
  const gradient = ctx.createLinearGradient(0, 0, 0, 314);
  gradient.addColorStop(0, BLUE);
  gradient.addColorStop(1, DEEP_BLUE);
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, 164, 314);
  drawBell(ctx, 32, 44, 100);
  ctx.fillStyle = WHITE;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.font = '600 20px "Counterdesk Sans"';
  ctx.fillText('Counterdesk', 82, 186);
  ctx.fillStyle = 'rgba(255, 255, 255, 0.75)';
  ctx.font = '600 11px "Counterdesk Sans"';
  ctx.fillText('Service desk', 82, 206);
  return bmpOf(canvas);
}

/** NSIS page header: white, as the header band is, with the tile and the name at the right. */
function installerHeader() {
  const canvas = createCanvas(150, 57);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = WHITE;
  ctx.fillRect(0, 0, 150, 57);
  drawTile(ctx, 6, 10, 38, false);
  drawBell(ctx, 6, 10, 38);
  ctx.fillStyle = '#1f1f1f';
  ctx.textBaseline = 'middle';
  ctx.font = '600 15px "Counterdesk Sans"';
  ctx.fillText('Counterdesk', 50, 29);
  return bmpOf(canvas);
}

async function write(relative, bytes) {
  const file = path.join(resources, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes);
  console.log(`${relative.padEnd(24)} ${bytes.length.toLocaleString('en')} bytes`);
}

async function main() {
  await rm(path.join(resources, 'icons'), { recursive: true, force: true });
  await write('icon.png', iconPng(1024));
  await write('icon-512.png', iconPng(512));
  for (const size of LINUX_SIZES) await write(`icons/${size}x${size}.png`, iconPng(size));
  const icoImages = ICO_SIZES.map((size) => PNG.sync.read(iconPng(size)));
  await write('icon.ico', imagesToIco(icoImages));
  await write('tray/tray.png', iconPng(16));
  await write('tray/tray@1.5x.png', iconPng(24));
  await write('tray/tray@2x.png', iconPng(32));
  await write('installerSidebar.bmp', installerSidebar());
  await write('installerHeader.bmp', installerHeader());
}

await main();
