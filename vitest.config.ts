import { defineConfig } from 'vitest/config';

// Unit and component tests. Browser tests live in test/e2e with their own config.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
  },
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
});
