/**
 * The customer signs on screen with a finger, a pen or the mouse (pointer events, so touch and pen
 * work alike). The strokes are kept as points in pad pixels: they are what is stored, and they can
 * be redrawn at any size on the printed service form.
 */
import { Button, Space, Typography } from 'antd';
import { useEffect, useRef, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';

export type Stroke = Array<[number, number]>;
export const PAD_WIDTH = 480;
export const PAD_HEIGHT = 180;

function draw(canvas: HTMLCanvasElement, strokes: ReadonlyArray<Stroke>): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.lineWidth = 2.5;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.strokeStyle = '#1a1a1a';
  for (const stroke of strokes) {
    ctx.beginPath();
    stroke.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    if (stroke.length === 1) ctx.lineTo(stroke[0]![0] + 0.1, stroke[0]![1]);
    ctx.stroke();
  }
}

export function SignaturePad({
  strokes,
  onChange,
}: {
  strokes: ReadonlyArray<Stroke>;
  onChange: (strokes: Stroke[]) => void;
}) {
  const { t } = useTranslation('tickets');
  const canvas = useRef<HTMLCanvasElement>(null);
  const current = useRef<Stroke | null>(null);
  const drawn = useRef<Stroke[]>([...strokes]);

  useEffect(() => {
    drawn.current = [...strokes];
    if (canvas.current) draw(canvas.current, strokes);
  }, [strokes]);

  const point = (event: PointerEvent<HTMLCanvasElement>): [number, number] => {
    const rect = event.currentTarget.getBoundingClientRect();
    // The canvas may be shown scaled: store points in its own pixels.
    const x = ((event.clientX - rect.left) / rect.width) * PAD_WIDTH;
    const y = ((event.clientY - rect.top) / rect.height) * PAD_HEIGHT;
    return [
      Math.min(PAD_WIDTH, Math.max(0, Math.round(x * 10) / 10)),
      Math.min(PAD_HEIGHT, Math.max(0, Math.round(y * 10) / 10)),
    ];
  };

  const onDown = (event: PointerEvent<HTMLCanvasElement>): void => {
    event.currentTarget.setPointerCapture(event.pointerId);
    current.current = [point(event)];
    drawn.current = [...drawn.current, current.current];
    draw(event.currentTarget, drawn.current);
  };
  const onMove = (event: PointerEvent<HTMLCanvasElement>): void => {
    if (!current.current) return;
    current.current.push(point(event));
    draw(event.currentTarget, drawn.current);
  };
  const onUp = (): void => {
    if (!current.current) return;
    current.current = null;
    onChange([...drawn.current]);
  };

  return (
    <div>
      <canvas
        ref={canvas}
        width={PAD_WIDTH}
        height={PAD_HEIGHT}
        role="img"
        aria-label={t('complete.pad')}
        className="cd-signature-pad"
        style={{
          width: '100%',
          maxWidth: PAD_WIDTH,
          aspectRatio: `${PAD_WIDTH} / ${PAD_HEIGHT}`,
          border: '1px dashed #999',
          borderRadius: 4,
          touchAction: 'none',
          background: '#fff',
          cursor: 'crosshair',
        }}
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={onUp}
        onPointerCancel={onUp}
      />
      <Space style={{ marginTop: 4 }}>
        <Typography.Text type={strokes.length > 0 ? 'success' : 'secondary'}>
          {strokes.length > 0 ? t('complete.signed') : t('complete.unsigned')}
        </Typography.Text>
        <Button size="small" onClick={() => onChange([])} disabled={strokes.length === 0}>
          {t('complete.clear')}
        </Button>
      </Space>
    </div>
  );
}

/** A stored signature, redrawn as SVG (timeline, printed forms). */
export function SignatureImage({
  strokes,
  width,
  height,
  label,
}: {
  strokes: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  width: number;
  height: number;
  label: string;
}) {
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      style={{ width: '100%', maxWidth: 320, border: '1px solid #eee', background: '#fff' }}
    >
      {strokes.map((stroke, i) => (
        <polyline
          key={i}
          points={stroke.map(([x, y]) => `${x},${y}`).join(' ')}
          fill="none"
          stroke="#1a1a1a"
          strokeWidth={2.5}
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      ))}
    </svg>
  );
}
