import { writeSync } from 'node:fs';

/**
 * Prints one closing line in the plain form CI reads, after everything Jest prints:
 * "jest: N passed, N failed, N skipped". Written synchronously when the process exits, because
 * Jest's own summary comes after the reporters' onRunComplete.
 */
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`;
    process.once('exit', () => writeSync(2, line));
  }
}
