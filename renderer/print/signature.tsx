/** The customer's captured signature, redrawn from its strokes as vector lines. */
import type { TicketPrintData } from '../../db/api';

// Only what redraws it: the print forms pass ticket signatures and estimate approvals alike.
type Signature = Pick<NonNullable<TicketPrintData['signature']>, 'width' | 'height' | 'strokes'>;

export function strokePaths(strokes: Signature['strokes']): string[] {
  return strokes
    .filter((stroke) => stroke.length > 0)
    .map((stroke) => stroke.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x} ${y}`).join(''));
}

export function SignatureImage({
  signature,
  heightMm,
  label,
}: {
  signature: Signature;
  heightMm: number;
  label: string;
}) {
  return (
    <svg
      className="pf-signature"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${signature.width} ${signature.height}`}
      height={`${heightMm}mm`}
      preserveAspectRatio="xMinYMid meet"
    >
      {strokePaths(signature.strokes).map((d, i) => (
        <path
          key={i}
          d={d}
          fill="none"
          stroke="#000"
          strokeWidth={Math.max(2, signature.width / 200)}
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      ))}
    </svg>
  );
}
