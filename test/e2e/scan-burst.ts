/**
 * A keyboard-wedge scanner's burst, as the page sees it: each key of the code and then Enter, 4 ms
 * apart by the events' own timestamps. The keys go through the browser's input pipeline (Chrome's
 * Input.dispatchKeyEvent), so they type into the focused field like real keys, and each carries the
 * time it was "pressed": a busy machine that delivers them late cannot stretch the burst into a
 * person's typing, which is what the scan detector measures (renderer/scan/detector.ts).
 */
import type { Page } from 'playwright-core';

const KEY_GAP_S = 0.004;

export async function scanBurst(page: Page, code: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const start = Date.now() / 1000;
    const keys = [...code].map((ch) => ({ key: ch, text: ch }));
    const all = [...keys, { key: 'Enter', text: '\r', code: 'Enter', windowsVirtualKeyCode: 13 }];
    for (const [i, key] of all.entries()) {
      const timestamp = start + i * KEY_GAP_S;
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', timestamp, ...key });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', timestamp: timestamp + KEY_GAP_S / 2, ...key });
    }
  } finally {
    await cdp.detach();
  }
}
