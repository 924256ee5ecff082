// Prints one closing line for the whole suite, "N passed, N failed", from vitest's JSON reports,
// so CI's log says plainly how many tests ran.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of ['test-results/unit.json', 'test-results/sync.json', 'test-results/e2e.json']) {
  if (!existsSync(file)) {
    console.error(`missing ${file}: that part of the suite did not run`);
    process.exit(1);
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
