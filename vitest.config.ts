import { defineConfig } from 'vitest/config';

// Tests import the packages' TypeScript sources (the "source" export condition),
// so a change is tested without a rebuild; the CLI tests run the built command.
export default defineConfig({
  resolve: { conditions: ['source'] },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
