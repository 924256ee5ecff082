/**
 * Once per end-to-end run: unpacks the tests' Chromium before any test process needs it (so they
 * do not all unpack it at once), and opens the run's folder where every browser host started is
 * recorded; the teardown kills any of them still running, however the run ended.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testChromium } from '../support/browser';
import { killRecorded, TEST_RUN_ENV } from '../support/test-processes';

export default function setup(): () => void {
  // A missing or broken browser is each test's failure to report, not a reason to skip the teardown.
  try {
    testChromium();
  } catch (error) {
    process.stderr.write(
      `The tests' Chromium could not be unpacked: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
  const runFolder = mkdtempSync(join(tmpdir(), 'counterdesk-test-run-'));
  // The test processes start after this and inherit it.
  process.env[TEST_RUN_ENV] = runFolder;
  return () => {
    const killed = killRecorded(runFolder);
    if (killed > 0) process.stderr.write(`Stopped ${killed} test process(es) left running by the end-to-end tests.\n`);
    rmSync(runFolder, { recursive: true, force: true });
  };
}
