/**
 * Waiting until a form can go to paper (docs/ELECTRON.md §2): the page laid out, and every glyph it
 * uses loaded from the bundled font. The font is split by Unicode range into ~100 files per
 * weight, loaded on demand; `document.fonts.load` with the page's own text asks for exactly the
 * slices it needs, and `document.fonts.ready` then covers anything layout requested besides.
 */
import { printStateTitle, type PrintPageState } from '../../db/api';

/** The bundled faces, in the order print.css names them: Chinese and Latin, then Greek. */
export const PRINT_FONTS = ['Noto Sans SC', 'Noto Sans'] as const;

/**
 * No requestAnimationFrame here: Electron's print window is never shown, and a hidden page may
 * get no animation frames at all. Reading the layout forces it synchronously instead.
 */
export async function waitForPrintableText(root: HTMLElement): Promise<void> {
  root.getBoundingClientRect();
  const text = root.textContent ?? '';
  await Promise.all(
    PRINT_FONTS.flatMap((family) => [
      document.fonts.load(`400 12px "${family}"`, text),
      document.fonts.load(`700 12px "${family}"`, text),
    ]),
  );
  await document.fonts.ready;
  // Anything still missing now would print as boxes or in a fallback face: fail loudly instead.
  for (const family of PRINT_FONTS) {
    if (!document.fonts.check(`400 12px "${family}"`, text)) throw new Error(`the print font ${family} did not load`);
  }
  root.getBoundingClientRect();
}

export function heightInMm(element: HTMLElement): number {
  return (element.getBoundingClientRect().height * 25.4) / 96;
}

/** Tells the loader (Electron's print window, a test, the browser tab) the page's state. */
export function announce(state: PrintPageState): void {
  document.documentElement.dataset.printState = state.state;
  document.title = printStateTitle(state);
}
