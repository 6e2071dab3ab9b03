import { defaultServerConditions as serverDefaults } from 'vite';
import { defineConfig } from 'vitest/config';

// Tests import workspace packages from their TypeScript sources (the `@eugate/source` export
// condition), so a change is tested without a rebuild. End-to-end CLI tests run the built `dist/`.
export default defineConfig({
  resolve: { conditions: ['@eugate/source', ...serverDefaults] },
  ssr: { resolve: { conditions: ['@eugate/source', ...serverDefaults] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
