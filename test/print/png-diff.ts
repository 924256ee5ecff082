/**
 * Comparing a rendered page with its committed reference PNG, with a tolerance. The browser and the
 * PDF renderer are npm packages pinned by the lockfile, so a page renders to the same pixels run
 * after run (0 of ~240,000 differ, measured); the tolerance only absorbs anti-aliasing that another
 * CPU's code path may shift by a shade. A layout change — text reflowed, a table pushed down
 * 1.5 mm, the codes or the signature lines gone — changes far more (print-forms.test.ts checks).
 */
import { PNG } from 'pngjs';

export type PngDiff = { width: number; height: number; differing: number; ratio: number; diff: PNG };

/**
 * A pixel differs when any channel differs by more than `threshold` (0–255). 32: a hairline at
 * 50 dpi is a faint grey, and a higher threshold let a missing signature line pass unseen.
 */
export function diffPngs(actual: Buffer, reference: Buffer, threshold = 32): PngDiff {
  const a = PNG.sync.read(actual);
  const b = PNG.sync.read(reference);
  if (a.width !== b.width || a.height !== b.height) {
    throw new Error(
      `the page is ${a.width}×${a.height} px but its reference is ${b.width}×${b.height} px: the paper size changed`,
    );
  }
  const diff = new PNG({ width: a.width, height: a.height });
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const delta = Math.max(
      Math.abs(a.data[i]! - b.data[i]!),
      Math.abs(a.data[i + 1]! - b.data[i + 1]!),
      Math.abs(a.data[i + 2]! - b.data[i + 2]!),
    );
    const differs = delta > threshold;
    if (differs) differing += 1;
    // The diff image: differing pixels red, the rest the reference faded, to see where.
    const grey = 255 - Math.round((255 - b.data[i]!) / 4);
    diff.data[i] = differs ? 255 : grey;
    diff.data[i + 1] = differs ? 0 : grey;
    diff.data[i + 2] = differs ? 0 : grey;
    diff.data[i + 3] = 255;
  }
  return { width: a.width, height: a.height, differing, ratio: differing / (a.width * a.height), diff };
}
