// The schema types of emit/schema-types.ts, made in a worker thread: openapi-typescript (and the TypeScript compiler it
// loads) starts while the main thread loads the spec, and transforms it while the main thread emits everything else.
// Plain JavaScript, so it runs the same under tsx, vitest and node.
// The transform itself is schema-types-transform.mjs.
import { writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { schemaTypesTextOf, withoutJsdocTagsInPlace } from './schema-types-transform.mjs';

/**
 * With `SDKGEN_DEBUG` set, prints when each step ended, in ms since the main thread started (as generate.ts does).
 * Written at once: a worker's `process.stderr` goes through the main thread, and may be cut off when it stops.
 */
const mark = process.env.SDKGEN_DEBUG
  ? (step) =>
      writeSync(
        2,
        `[sdkgen worker] ${step} (at ${Math.round(performance.timeOrigin + performance.now() - workerData.timeOrigin)} ms, heap ${Math.round(process.memoryUsage().heapTotal / 1048576)} MB)\n`,
      )
  : () => undefined;

mark('openapi-typescript loaded');
// The main thread stops an unused worker only after this: stopped while loading, Node can fail an assertion.
parentPort.postMessage({ ready: true });

parentPort.once('message', (message) => {
  mark('document received');
  try {
    // Comment text goes through the one JSDoc escaper, openapi-typescript's comments too: done here, on the worker's
    // own copy of the document, in place. The message lets go of the document once it is transformed.
    withoutJsdocTagsInPlace(message.document);
    const text = schemaTypesTextOf(message, mark);
    mark('printed');
    parentPort.postMessage({ text });
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
