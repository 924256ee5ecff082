/**
 * A QR code as one SVG path, from the `qrcode` package's module matrix: no canvas, no data URL,
 * no markup injected, and vector-sharp on any printer.
 */
import { create } from 'qrcode';
import { useMemo } from 'react';

/** The dark modules as an SVG path in module units, with the quiet zone of 4 modules around. */
export function qrPath(text: string): { size: number; path: string } {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  let path = '';
  for (let y = 0; y < modules.size; y += 1) {
    for (let x = 0; x < modules.size; x += 1) {
      if (modules.get(x, y)) path += `M${x + quiet} ${y + quiet}h1v1h-1z`;
    }
  }
  return { size: modules.size + quiet * 2, path };
}

export function QrCode({ text, sizeMm, label }: { text: string; sizeMm: number; label: string }) {
  const { size, path } = useMemo(() => qrPath(text), [text]);
  return (
    <svg
      className="pf-qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      width={`${sizeMm}mm`}
      height={`${sizeMm}mm`}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
