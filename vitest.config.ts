import { defineConfig } from 'vitest/config';

// Unit tests live beside the code (`x.test.ts`); integration tests are `*.integration.test.ts`
// (they start the embedded store, a broker or a browser themselves) and run in their own project
// with longer timeouts and one file at a time (one chDB engine per process).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{schemas,ingest,analyzer,dashboard,test}/**/*.test.ts'],
          exclude: ['**/*.integration.test.ts', '**/node_modules/**'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['{schemas,ingest,analyzer,dashboard,test}/**/*.integration.test.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool: 'forks',
          fileParallelism: false,
        },
      },
    ],
  },
});
