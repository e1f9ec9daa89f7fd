import { defineConfig } from 'vitest/config';

// Three named tiers: unit tests sit beside the code they test; integration tests go through HTTP
// on a real database (SQLite by default, PostgreSQL when DATABASE_URL says so); browser tests drive
// Debian's chromium.
export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'src/**/*.test.tsx'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          setupFiles: ['test/support/pinned-clock.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          setupFiles: ['test/support/pinned-clock.ts'],
          testTimeout: 60_000,
        },
      },
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
