/**
 * Chinese renders from the bundled web font, on a machine without CJK fonts: the tests' Chromium
 * sees only the few Latin fonts it ships with (test/support/browser.ts), so a Chinese character
 * not drawn with the bundled face would be a box or nothing. Chromium's own account of the fonts it
 * drew each text with (DevTools' CSS.getPlatformFontsForNode) must show every one drawn with it. Screenshots at 1366×768 go to
 * test-results/fonts/ for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openConsole, startConsoleRig, type ConsoleRig } from './console-fixtures';
import { openCounter, type Counter } from './fixtures';
import { FirstRunSetup, say } from './pages';

const SHOTS = fileURLToPath(new URL('../../test-results/fonts/', import.meta.url));

type FontUse = {
  text: string;
  han: number;
  fonts: Array<{ familyName: string; isCustomFont: boolean; glyphCount: number }>;
};

/** For every element with Chinese text of its own: how many Chinese characters, and the fonts Chromium drew its text with. */
async function fontsOfChineseText(page: Page): Promise<FontUse[]> {
  const counts = await page.evaluate(() => {
    const found: number[] = [];
    for (const element of document.querySelectorAll('body *')) {
      const own = [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join('');
      const han = own.match(/\p{Script=Han}/gu)?.length ?? 0;
      if (han > 0) {
        element.setAttribute('data-font-probe', String(found.length));
        found.push(han);
      }
    }
    return found;
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-font-probe]' });
  const uses: FontUse[] = [];
  for (const [index, nodeId] of nodeIds.entries()) {
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
    uses.push({ text: outerHTML.replace(/<[^>]*>/g, '').slice(0, 40), han: counts[index]!, fonts });
  }
  await cdp.detach();
  expect(uses.length).toBe(counts.length);
  return uses;
}

/**
 * Every Chinese character drawn with the bundled face (it names itself "Noto Sans SC Thin": its
 * files are slices of a variable font). A system font may still draw Latin marks beside them
 * (antd's required-field asterisk asks for SimSun, and gets the browser's Open Sans).
 */
function expectChineseFromTheBundledFont(uses: FontUse[]): void {
  // Text that is not drawn (a closed menu's options) has no fonts to check.
  const drawn = uses.filter((use) => use.fonts.length > 0);
  expect(drawn.length, 'little Chinese text drawn on the page').toBeGreaterThan(3);
  for (const use of drawn) {
    const bundled = use.fonts
      .filter((font) => font.isCustomFont && /^Noto Sans SC/.test(font.familyName))
      .reduce((sum, font) => sum + font.glyphCount, 0);
    expect(bundled, `"${use.text}": ${JSON.stringify(use.fonts)}`).toBeGreaterThanOrEqual(use.han);
  }
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

describe('Chinese without system CJK fonts', () => {
  let counter: Counter | undefined;
  let rig: ConsoleRig | undefined;
  afterEach(async () => {
    await counter?.close();
    counter = undefined;
    await rig?.stop();
    rig = undefined;
  });

  it('the counter: first-run setup and the signed-in counter page', async () => {
    counter = await openCounter({ locale: 'zh-CN' });
    const { page } = counter;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('heading', { name: say('setupHeading', 'zh') }).waitFor();
    await page.evaluate(() => document.fonts.ready);
    await shot(page, 'counter-setup-zh');
    expectChineseFromTheBundledFont(await fontsOfChineseText(page));

    await new FirstRunSetup(page, 'zh').createStore({
      code: 's012',
      name: '徐汇家电服务中心',
      counterNo: 1,
      adminName: '王芳',
      pin: '2468',
    });
    await page.getByText('(S012)').waitFor();
    await page.evaluate(() => document.fonts.ready);
    await shot(page, 'counter-zh');
    expectChineseFromTheBundledFont(await fontsOfChineseText(page));
  });

  it('the head-office console: its sign-in page', async () => {
    rig = await startConsoleRig();
    const { context, page } = await openConsole(rig);
    try {
      await page.getByRole('heading', { name: '登录总部控制台' }).waitFor();
      await page.evaluate(() => document.fonts.ready);
      await shot(page, 'console-sign-in-zh');
      expectChineseFromTheBundledFont(await fontsOfChineseText(page));
    } finally {
      await context.close();
    }
  });
});
