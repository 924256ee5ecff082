/**
 * A Code 128 barcode as SVG bars. `jsbarcode` only encodes here (its object renderer hands back
 * the bar pattern); the bars are drawn by React, so nothing touches the DOM behind React's back.
 */
import JsBarcode from 'jsbarcode';
import { useMemo } from 'react';

/** Runs of dark modules as [start, width] pairs, and the total width in modules (quiet zones included). */
export function code128Bars(text: string): { modules: number; bars: Array<[number, number]> } {
  const target: { encodings?: Array<{ data: string }> } = {};
  JsBarcode(target, text, { format: 'CODE128' });
  const pattern = (target.encodings ?? []).map((encoding) => encoding.data).join('');
  if (!/^[01]+$/.test(pattern)) throw new Error(`Code 128 cannot encode '${text}'`);
  // Ten modules of quiet zone each side: scanners need the margin to find the code.
  const quiet = 10;
  const bars: Array<[number, number]> = [];
  let run = -1;
  for (let i = 0; i <= pattern.length; i += 1) {
    const dark = pattern[i] === '1';
    if (dark && run < 0) run = i;
    if (!dark && run >= 0) {
      bars.push([run + quiet, i - run]);
      run = -1;
    }
  }
  return { modules: pattern.length + quiet * 2, bars };
}

/** `moduleMm`: the narrowest bar; 0.25 mm reads well on office laser and 203 dpi thermal printers. */
export function Barcode({
  text,
  heightMm,
  moduleMm = 0.25,
  label,
}: {
  text: string;
  heightMm: number;
  moduleMm?: number;
  label: string;
}) {
  const { modules, bars } = useMemo(() => code128Bars(text), [text]);
  return (
    <svg
      className="pf-barcode"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${modules} 10`}
      width={`${modules * moduleMm}mm`}
      height={`${heightMm}mm`}
      preserveAspectRatio="none"
      shapeRendering="crispEdges"
    >
      <rect width={modules} height={10} fill="#fff" />
      {bars.map(([x, w]) => (
        <rect key={x} x={x} width={w} height={10} fill="#000" />
      ))}
    </svg>
  );
}
