/**
 * What "fits the counter's screen" means, measured in the page (docs/architecture/layout-and-accessibility.md):
 * the document never scrolls sideways, no table column is squeezed below two characters of its font,
 * text cut short with an ellipsis carries its full value for hover, and axe-core finds no WCAG 2 A/AA
 * violation.
 */
import { createRequire } from 'node:module';
import type * as Axe from 'axe-core';
import type { Page } from 'playwright-core';

export type LayoutProblem = string;

/** axe-core as @axe-core/playwright (the declared dependency) has it, so the two never differ. */
const axe = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'))('axe-core') as typeof Axe;

/** Everything wrong with the layout of what is on screen now, in words a person can act on. */
export async function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  const { problems, cut } = await measure(page);
  // Text cut short with neither a title nor antd's trigger marker: its tooltip must show on hover.
  for (const { index, text } of cut.slice(0, HOVERS_PER_VIEW)) {
    const shown = page.locator(`[data-cd-cut="${index}"]`);
    await shown.hover();
    const tooltip = page.locator('.ant-tooltip:not(.ant-tooltip-hidden)').filter({ hasText: text.slice(0, 12) });
    const appeared = await tooltip
      .first()
      .waitFor({ timeout: 2_000 })
      .then(() => true)
      .catch(() => false);
    if (!appeared) problems.push(`"${text.slice(0, 40)}" is cut short without its full value on hover`);
  }
  await page.mouse.move(0, 0);
  // A tooltip fading out is white text on a half-transparent dark box: axe, run next, would read
  // it as white on light grey. The page is measured once the tooltips have gone.
  if (cut.length > 0)
    await page.waitForFunction(
      () => document.querySelector('.ant-tooltip:not(.ant-tooltip-hidden)') === null,
      undefined,
      {
        timeout: 5_000,
        polling: 50,
      },
    );
  return problems;
}

/** Texts cut short are hovered, up to this many per view (each hover waits for a tooltip). */
const HOVERS_PER_VIEW = 3;

async function measure(page: Page): Promise<{ problems: string[]; cut: Array<{ index: number; text: string }> }> {
  return page.evaluate(() => {
    const cutShort: Array<{ index: number; text: string }> = [];
    for (const old of document.querySelectorAll('[data-cd-cut]')) old.removeAttribute('data-cd-cut');
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth)
      problems.push(`the page scrolls sideways by ${doc.scrollWidth - doc.clientWidth} px`);
    for (const area of document.querySelectorAll<HTMLElement>('main .ant-table-content, main .ant-table-body')) {
      const over = area.scrollWidth - area.clientWidth;
      const caption = area.closest('[aria-label]')?.getAttribute('aria-label') ?? '';
      const first = area.querySelector('th')?.textContent ?? '';
      if (over > 1) problems.push(`the table "${caption || first}" scrolls sideways by ${over} px`);
    }
    const visible = (el: Element): boolean => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const describe = (el: Element): string => (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);

    // Text squeezed to one character per line (a column too narrow for a name): each text node in a
    // table cell or list that has two or more characters but as many line boxes as characters.
    const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const chars = [...(node.textContent ?? '').trim()].length;
      const parent = node.parentElement;
      if (chars < 2 || !parent || !visible(parent)) continue;
      range.selectNodeContents(node);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (lines.size >= chars) problems.push(`"${describe(parent)}" wraps to one character per line`);
    }
    // A column narrower than two characters of its font.
    for (const cell of document.querySelectorAll<HTMLElement>('main th, main td')) {
      if (!visible(cell) || cell.closest('.ant-table-measure-row')) continue;
      const text = (cell.innerText ?? '').trim();
      if ([...text].length < 2) continue;
      const style = getComputedStyle(cell);
      const inner = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (inner < 2 * parseFloat(style.fontSize))
        problems.push(`the column of "${describe(cell)}" is ${Math.round(inner)} px wide`);
    }

    // Text cut short must say its whole value on hover (a title, or antd's tooltip trigger).
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (el.children.length > 0 && !el.matches('.ant-typography, td, th')) continue;
      const style = getComputedStyle(el);
      if (style.textOverflow !== 'ellipsis' || !visible(el)) continue;
      const cut = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
      if (!cut) continue;
      const titled = el.closest('[title]');
      const full = (el.textContent ?? '').trim();
      if (titled !== null && (titled.getAttribute('title') ?? '').trim() === full) continue;
      el.setAttribute('data-cd-cut', String(cutShort.length));
      cutShort.push({ index: cutShort.length, text: full });
    }
    return { problems, cut: cutShort };
  });
}

/**
 * axe-core with the WCAG 2.0/2.1 A and AA rules. Exceptions are per rule and selector, each with
 * the reason it cannot be fixed here.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // axe-core goes into the page once: the app is one document whose hash changes, and putting its
  // half a megabyte in again for every view (as AxeBuilder does) costs most of a second each time.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(
    (options) => (window as unknown as { axe: typeof Axe }).axe.run(document, options).then((r) => r.violations),
    {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      // Only violations are read; leaving out the details of passes saves seconds on a long table.
      resultTypes: ['violations'],
    } satisfies Axe.RunOptions,
  );
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
        .slice(0, 4)
        .map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join(' ').trim() ?? ''}`)
        .join('\n    ')}`,
  );
}
