/** Telling a keyboard-wedge scanner from typing by the pace of the keys (renderer/scan/detector.ts). */
import { describe, expect, test } from 'vitest';
import { MAX_AVERAGE_GAP_MS, MAX_GAP_MS, MIN_SCAN_LENGTH, ScanDetector } from '../../renderer/scan/detector';

/** Feeds `text` then Enter, `gap` ms apart (or each gap from the list), starting at `start`; returns what the Enter gave. */
function feed(detector: ScanDetector, text: string, gap: number | number[], start = 1000): string | null {
  let at = start;
  const gaps: number[] = typeof gap === 'number' ? Array<number>(text.length + 1).fill(gap) : gap;
  let result: string | null = null;
  [...text, 'Enter'].forEach((key, i) => {
    result = detector.key(key, at);
    at += gaps[i] ?? 0;
  });
  return result;
}

describe('ScanDetector', () => {
  test('a scanner’s burst (a few ms a key) ending in Enter is a scan, and gives the code', () => {
    expect(feed(new ScanDetector(), 'S012-2-20261123-0042', 8)).toBe('S012-2-20261123-0042');
    expect(feed(new ScanDetector(), 'WM-PUMP-01', 25)).toBe('WM-PUMP-01');
  });

  test('a person typing (≈ 100 ms a key) is not a scan, nor is a fast typist at 60 ms', () => {
    expect(feed(new ScanDetector(), 'WM-PUMP-01', 110)).toBeNull();
    expect(feed(new ScanDetector(), 'WM-PUMP-01', 60)).toBeNull();
  });

  test(`at most ${MAX_AVERAGE_GAP_MS} ms a key on average, so one late event on a busy PC does not lose the scan`, () => {
    const gaps = [10, 10, 10, 180, 10, 10, 10, 10, 10, 10, 10];
    expect(feed(new ScanDetector(), 'WM-PUMP-01', gaps)).toBe('WM-PUMP-01');
    // Exactly at the limits still counts; one millisecond over does not.
    expect(feed(new ScanDetector(), 'ABCDEF', MAX_AVERAGE_GAP_MS)).toBe('ABCDEF');
    expect(feed(new ScanDetector(), 'ABCDEF', MAX_AVERAGE_GAP_MS + 1)).toBeNull();
  });

  test(`a pause over ${MAX_GAP_MS} ms starts over: what came before it is not part of the code`, () => {
    const detector = new ScanDetector();
    detector.key('x', 0);
    detector.key('y', 5);
    // Then, after a pause, a real scan.
    expect(feed(detector, 'WM-PUMP-01', 5, 5 + MAX_GAP_MS + 1)).toBe('WM-PUMP-01');
    // A pause before the Enter: a person pressed it.
    expect(feed(new ScanDetector(), 'ABCDEF', [5, 5, 5, 5, 5, MAX_GAP_MS + 1])).toBeNull();
  });

  test(`fewer than ${MIN_SCAN_LENGTH} characters is never a scan (a quick pair of keys and Enter)`, () => {
    expect(feed(new ScanDetector(), 'ab', 5)).toBeNull();
    expect(feed(new ScanDetector(), 'abcde', 5)).toBeNull();
  });

  test('Shift keeps the pace (capitals); other keys (arrows, Backspace) end the run', () => {
    const detector = new ScanDetector();
    let at = 0;
    for (const key of ['Shift', 'A', 'Shift', 'B', '-', '0', '1', '2']) detector.key(key, (at += 5));
    expect(detector.key('Enter', (at += 5))).toBe('AB-012');
    for (const key of ['A', 'B', 'Backspace', 'C', 'D']) detector.key(key, (at += 5));
    // Only C and D after the Backspace: too short.
    expect(detector.key('Enter', at + 5)).toBeNull();
  });

  test('the clock going back (a resumed PC) starts over instead of reading negative gaps as fast', () => {
    const detector = new ScanDetector();
    for (const [i, key] of [...'ABCDEF'].entries()) detector.key(key, 10_000 + i * 5);
    expect(detector.key('E', 100)).toBeNull();
    expect(detector.key('Enter', 105)).toBeNull();
  });

  test('after a scan the next one starts clean', () => {
    const detector = new ScanDetector();
    expect(feed(detector, 'AAAAAA', 5, 0)).toBe('AAAAAA');
    expect(feed(detector, 'BBBBBB', 5, 50)).toBe('BBBBBB');
  });
});
