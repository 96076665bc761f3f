import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (in-process, fast: npm run test:unit) and `e2e` (real processes, loopback servers and the fake
 * Discord, the production install: npm run test:e2e). `npm test` runs both.
 */
const E2E = [
  'tests/e2e/**/*.test.ts',
  'tests/fake-discord/**/*.test.ts',
  'tests/http/serve.test.ts',
  'tests/http/delivery.test.ts',
  'tests/http/interactions.test.ts',
  'tests/http/fuzz.test.ts',
  'tests/ask-cli.test.ts',
  'tests/data-check-cli.test.ts',
  'tests/production.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: E2E } },
      { extends: true, test: { name: 'e2e', include: E2E } },
    ],
  },
});
