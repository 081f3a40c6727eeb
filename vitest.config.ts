import { defineConfig } from 'vitest/config';

// Two projects: the Telnyx SDK (generated/) with the generator's and runtime's tests, and the golden SDK generated
// from test/fixtures/features.yaml (uploads, downloads, streams, cursor pages, API-key auth). Prism serves
// spec/openapi.yaml to the repository's own tests (test/e2e, consumer); the generated packages' tests start their own
// mock server (tests/mock-server.ts in each).
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'telnyx',
          include: ['test/**/*.test.ts', 'generated/tests/**/*.test.ts'],
          exclude: ['test/fixtures/**', '**/node_modules/**'],
          globalSetup: ['test/support/global-setup.ts'],
          env: { MOCK_SPEC: 'spec/openapi.yaml' },
        },
      },
      {
        extends: true,
        test: {
          name: 'features',
          include: ['test/fixtures/features-sdk/tests/**/*.test.ts'],
        },
      },
    ],
  },
});
