import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      {
        // Pure logic and Preact views, against WXT's in-memory fake browser.
        plugins: [WxtVitest(), preact()],
        resolve: {
          // WXT's mock of wxt/browser imports all of wxt/testing, which loads esbuild; esbuild
          // refuses to start under jsdom. The fake browser is all the mock needs.
          alias: [{ find: /^wxt\/testing$/, replacement: 'wxt/testing/fake-browser' }],
        },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/setup-dom.ts'],
          // zustand's React binding must see preact/compat as 'react', as in the build.
          server: { deps: { inline: ['zustand'] } },
        },
      },
      {
        // Checks on the production builds themselves (size budgets).
        test: { name: 'build', include: ['tests/build/**/*.test.ts'], environment: 'node' },
      },
      {
        // Production builds in real Chromium and Firefox ESR against the local Reply sandbox.
        // One browser at a time: the machine has two cores and Firefox needs port 443.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
