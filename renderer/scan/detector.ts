/**
 * Telling a barcode scanner from a person at the keyboard. A keyboard-wedge scanner "types" the
 * code it read as key presses a few milliseconds apart and ends with Enter; a person types about
 * ten keys a second at best (≈ 100 ms apart) and never keeps under 50 ms a key for a whole code
 * (that is 240 words a minute).
 *
 * A run of keys is a scan when, at its Enter:
 * - it has at least MIN_SCAN_LENGTH characters (a short run is too easily a fast pair of keys);
 * - its keys came on average at most MAX_AVERAGE_GAP_MS apart (the scanner's pace, with room for
 *   a busy PC delivering events late);
 * - no single gap, the Enter's included, was over MAX_GAP_MS (a longer pause means a person);
 * A longer pause starts a new run at the key after it. Pure and unit-tested.
 */

export const MIN_SCAN_LENGTH = 6;
export const MAX_AVERAGE_GAP_MS = 50;
export const MAX_GAP_MS = 200;
/** No label carries more; a longer run is something else (a key held down). */
export const MAX_SCAN_LENGTH = 64;

export class ScanDetector {
  private chars: string[] = [];
  private first = 0;
  private last = 0;

  /**
   * One key as it was pressed (`key` as KeyboardEvent gives it, `at` its time in ms). Returns the
   * code when this key is the Enter that ends a scan, else null.
   */
  key(key: string, at: number): string | null {
    const gap = at - this.last;
    if (this.chars.length > 0 && (gap > MAX_GAP_MS || gap < 0)) this.reset();
    if (key === 'Enter') {
      const code = this.isScan(at) ? this.chars.join('') : null;
      this.reset();
      return code;
    }
    if (key.length !== 1) {
      // Shift arrives before capitals and some symbols: it is part of the pace, not of the code.
      if (key !== 'Shift') this.reset();
      else this.last = at;
      return null;
    }
    if (this.chars.length === 0) this.first = at;
    this.chars.push(key);
    this.last = at;
    if (this.chars.length > MAX_SCAN_LENGTH) this.reset();
    return null;
  }

  reset(): void {
    this.chars = [];
    this.first = 0;
    this.last = 0;
  }

  private isScan(enterAt: number): boolean {
    const n = this.chars.length;
    if (n < MIN_SCAN_LENGTH) return false;
    if (enterAt - this.last > MAX_GAP_MS) return false;
    // n characters and the Enter: n gaps from the first character.
    return (enterAt - this.first) / n <= MAX_AVERAGE_GAP_MS;
  }
}
