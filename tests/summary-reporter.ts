import type { Reporter, TestCase, TestModule } from 'vitest/node';

/**
 * Prints the plain closing line CI reads ("Tests: N passed, N failed, N skipped") after
 * Vitest's own summary, counting every test case of the run.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed' || inFailedSuite(test)) counts.failed++;
        else counts.skipped++;
      }
      if (module.state() === 'failed' && module.children.size === 0) counts.failed++;
    }
    process.stdout.write(
      `\nTests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`,
    );
  }
}

/** A test that never ran because a hook of its suite (e.g. a `beforeAll`) failed. */
function inFailedSuite(test: TestCase): boolean {
  for (let parent = test.parent; parent.type === 'suite'; parent = parent.parent) {
    if (parent.state() === 'failed') return true;
  }
  return test.module.state() === 'failed';
}
