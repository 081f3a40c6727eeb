import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';

/** The module holding openapi-typescript's output, relative to `src/` (no extension). */
export const SCHEMA_MODULE = 'internal/openapi';

/** openapi-typescript rejected the spec; the message is its own (with `at #/pointer` when it names a place). */
export class SchemaTypesError extends Error {}

/**
 * All schema, path and operation types of the spec, by openapi-typescript (its Node API), in a worker thread
 * (`schema-types-worker.mjs`): it loads openapi-typescript while the spec loads, and transforms the document while
 * the main thread emits and formats everything else.
 */
export interface SchemaTypesJob {
  /** Hands the worker the document; resolves to the types module's text. */
  emit(document: object): Promise<string>;
  /**
   * Stops the worker (when generation ends before `emit`, say), once it has loaded: a worker stopped while Node is
   * still loading openapi-typescript's CommonJS build can fail an assertion in Node's `require(esm)` and print it.
   */
  cancel(): Promise<void>;
}

let prestarted: SchemaTypesJob | undefined;

/**
 * Starts a worker before the rest of the generator has loaded (the CLI calls this first); the next
 * `startSchemaTypes()` takes it. Until then the worker does not keep the process alive.
 */
export function prestartSchemaTypes(): void {
  prestarted ??= spawn();
}

/** Stops a prestarted worker no generation took (the command failed before it, or needed none). */
export async function stopPrestarted(): Promise<void> {
  const job = prestarted;
  prestarted = undefined;
  await job?.cancel();
}

export function startSchemaTypes(): SchemaTypesJob {
  const job = prestarted ?? spawn();
  prestarted = undefined;
  return job;
}

function spawn(): SchemaTypesJob {
  // `../emit/`: the same file from this module and from its bundle in generator/dist/ (see generator/run.mjs).
  const worker = new Worker(new URL('../emit/schema-types-worker.mjs', import.meta.url), {
    workerData: { timeOrigin: performance.timeOrigin },
  });
  let loaded: () => void = () => undefined;
  // Settles once the worker has loaded its modules, or has stopped.
  const ready = new Promise<void>((resolve) => {
    loaded = resolve;
  });
  const result = new Promise<string>((resolve, reject) => {
    worker.on('message', (message: { ready?: true; text?: string; error?: string }) => {
      if (message.ready) return loaded();
      if (message.text !== undefined) resolve(message.text);
      else reject(new SchemaTypesError(message.error ?? 'openapi-typescript failed'));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the schema types worker stopped (exit code ${code})`)));
  });
  // Nobody awaits `result` when generation stops early; that must not be an unhandled rejection.
  result.catch(() => undefined).finally(() => loaded());
  // Unreferenced after the listeners are on (they would reference it again) until `emit` waits for it.
  worker.unref();
  const stop = async (): Promise<void> => {
    // Kept alive until it has loaded, then stopped.
    worker.ref();
    await ready;
    await worker.terminate();
  };
  return {
    async emit(document) {
      worker.ref();
      tighterHeaps(+1);
      // The worker gets its own copy (a structured clone), and readies it for openapi-typescript's comments there.
      worker.postMessage({ document });
      try {
        return await result;
      } finally {
        void worker.terminate();
        tighterHeaps(-1);
      }
    },
    cancel: stop,
  };
}

let transforming = 0;

/**
 * While a worker transforms, every heap of the process (its and the main thread's) may grow to 1.5 times what is
 * alive in it, not the 2 to 4 times V8 allows by default: the two threads' peaks meet then. On a Graph-sized spec the
 * process peaked at 0.9 to 1.13 GB from run to run, and at 0.83 GB with this, for a few percent more GC time, spent
 * only while the worker runs. A garbage collector setting, which V8 reads whenever it sizes a heap; back to its default
 * (0: V8's own factor) once no worker transforms.
 */
function tighterHeaps(change: 1 | -1): void {
  transforming += change;
  if (transforming === (change === 1 ? 1 : 0))
    setFlagsFromString(`--heap-growing-percent=${transforming > 0 ? 50 : 0}`);
}
