import { setFlagsFromString } from 'node:v8';
import { defineConfig } from 'vitest/config';

// vitest's own process (this config is loaded in it) holds every module's transformed code; its heap, as the workers'
// (execArgv below), may grow to 1.5 times what is alive in it. On a Graph-sized API it took 580 to 860 MB from run to
// run, and stays near 580 MB with this. A garbage collector setting, which V8 reads whenever it sizes the heap again.
setFlagsFromString('--heap-growing-percent=50');

// The SDK's own tests: each file starts a loopback mock server (tests/mock-server.ts) that answers its requests with
// the responses the generator wrote beside it, so the tests need neither the spec nor a network.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The files share one load of the SDK per worker: each has its own client and mock server and changes nothing
    // global. Isolated, every file loaded the whole SDK again (GitHub's API, 389 files: 224 s of CPU instead of 9 s).
    isolate: false,
    // Each worker's heap may grow to 1.5 times what is alive in it (V8 lets it grow to 3 times or more): one worker
    // holds the whole SDK, and on a Graph-sized API (1,200 test files) it peaked at 1.2 GB for some 400 MB alive; at
    // 1.5, 740 MB, in the same time.
    execArgv: ['--heap-growing-percent=50'],
  },
});
