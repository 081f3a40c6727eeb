import { defineConfig } from 'vitest/config';

// The SDK's own tests: each file starts a loopback mock server (tests/mock-server.ts) that answers its requests with
// the responses the generator wrote beside it, so the tests need neither the spec nor a network.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The files share one load of the SDK per worker: each has its own client and mock server and changes nothing
    // global. Isolated, every file loaded the whole SDK again (GitHub's API, 389 files: 224 s of CPU instead of 9 s).
    isolate: false,
  },
});
