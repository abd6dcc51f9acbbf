import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium and Firefox ESR against the local mirror. One file
// at a time (each launches browsers; the CI machine has two cores), long timeouts.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // A flaky browser start is retried once; an assertion that fails twice is real.
    retry: 0,
    reporters: ['default'],
  },
});
