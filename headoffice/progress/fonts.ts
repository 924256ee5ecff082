/**
 * Noto Sans SC for the progress page on a device without a Chinese font of its own. Phones have
 * one (PingFang, Noto Sans CJK), which the page's font list names first, so they never fetch
 * these; a browser without one fetches only the slices of the characters on the page (each
 * @font-face has its unicode-range). Read from the `@fontsource/noto-sans-sc` package when head
 * office can resolve it; without it the page names the system fonts only.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';

export type ProgressFonts = Readonly<{
  /** The @font-face rules, pointing at /progress/fonts/<file>. */
  css: string;
  /** Part of the stylesheet's address, so it can be cached for good. */
  version: string;
  /** A font file's bytes by its name, or null when it is not one of ours. */
  file(name: string): Buffer | null;
}>;

const FONT_FILE = /^noto-sans-sc-([0-9]{1,3}|[a-z]+(-[a-z]+)?)-(400|700)-normal\.woff2$/;

let loaded: ProgressFonts | null | undefined;

export function progressFonts(): ProgressFonts | null {
  if (loaded !== undefined) return loaded;
  try {
    const require = createRequire(import.meta.url);
    const folder = dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
    const css = ['400.css', '700.css']
      .map((name) => readFileSync(join(folder, name), 'utf8'))
      .join('\n')
      // woff2 only: every browser that runs this page reads it.
      .replace(
        /url\(\.\/files\/([^)]+\.woff2)\) format\('woff2'\), url\([^)]+\) format\('woff'\)/g,
        (_, file) => `url(/progress/fonts/${file as string}) format('woff2')`,
      );
    const files = join(folder, 'files');
    loaded = {
      css,
      version: createHash('sha256').update(css).digest('hex').slice(0, 12),
      file: (name) => (FONT_FILE.test(name) ? readFileSync(join(files, name)) : null),
    };
  } catch {
    loaded = null;
  }
  return loaded;
}
