// Writes each jest run's totals to tmp/test-results so .ci/run can print one closing
// "N passed, N failed" line across every project and both database engines.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const dir = resolve(__dirname, '../../tmp/test-results');
    mkdirSync(dir, { recursive: true });
    const engine = process.env.DATABASE_URL ? 'mysql' : 'sqlite';
    const name = `${this.rootDir.replace(/[^A-Za-z0-9]+/g, '_')}-${engine}-${process.pid}.json`;
    writeFileSync(
      join(dir, name),
      JSON.stringify({
        project: this.rootDir,
        engine,
        passed: results.numPassedTests,
        failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: results.numPendingTests,
      }),
    );
  }
}

module.exports = SummaryReporter;
