import { defineConfig } from 'vitest/config';

// The SDK's own tests, run against a mock server of its spec (see tests/global-setup.ts).
export default defineConfig({
  test: { include: ['tests/**/*.test.ts'], globalSetup: ['tests/global-setup.ts'] },
});
