/** Which printer a job goes to: a missing printer is never printed to silently. */
import { describe, expect, test } from 'vitest';
import { choosePrinter } from '../../electron/print/printer-choice';

const installed = [
  { name: 'HP_LaserJet_M404', displayName: 'HP LaserJet M404 (Office)', description: '' },
  { name: 'XP-80C', displayName: 'Xprinter XP-80C', description: 'thermal' },
];

describe('choosePrinter', () => {
  test('no printer set: the dialog asks, whatever "silent" says', () => {
    expect(choosePrinter({ kind: 'printer', deviceName: null, silent: false, copies: 1 }, installed)).toEqual({
      deviceName: undefined,
      silent: false,
      copies: 1,
      note: '',
    });
  });

  test('an installed printer gets the job, silently when set so', () => {
    expect(choosePrinter({ kind: 'printer', deviceName: 'XP-80C', silent: true, copies: 2 }, installed)).toEqual({
      deviceName: 'XP-80C',
      silent: true,
      copies: 2,
      note: '',
    });
  });

  test('a setting saved with the display name still finds the printer by its system name', () => {
    expect(
      choosePrinter({ kind: 'printer', deviceName: 'Xprinter XP-80C', silent: true, copies: 1 }, installed).deviceName,
    ).toBe('XP-80C');
  });

  test('a printer that is gone: the dialog asks instead, and the log says why', () => {
    const choice = choosePrinter(
      { kind: 'printer', deviceName: 'Brother_QL_820NWB', silent: true, copies: 1 },
      installed,
    );
    expect(choice).toMatchObject({ deviceName: undefined, silent: false });
    expect(choice.note).toMatch(/Brother_QL_820NWB.*not installed/);
  });
});
