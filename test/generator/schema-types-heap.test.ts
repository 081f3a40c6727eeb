// While the schema types worker transforms, the process's heaps may grow to only 1.5 times what is alive in them (the
// worker's and the main thread's peaks meet then: on a Graph-sized spec, 0.9-1.13 GB -> 0.83 GB); V8's own factor again
// once the worker is done, or when it fails.
import { beforeEach, expect, test, vi } from 'vitest';

const flags = vi.hoisted(() => [] as string[]);
vi.mock('node:v8', async (original) => ({
  ...(await original<typeof import('node:v8')>()),
  setFlagsFromString: (flag: string) => void flags.push(flag),
}));

const { startSchemaTypes } = await import('../../generator/emit/schema-types.js');

beforeEach(() => {
  flags.length = 0;
});

test('tighter heaps while a worker transforms, the default after', async () => {
  const job = startSchemaTypes();
  expect(flags).toEqual([]);
  const text = job.emit({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {} });
  expect(flags).toEqual(['--heap-growing-percent=50']);
  await text;
  expect(flags).toEqual(['--heap-growing-percent=50', '--heap-growing-percent=0']);
});

test('two at once: the default only after both', async () => {
  const document = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {} };
  const [a, b] = [startSchemaTypes(), startSchemaTypes()];
  const first = a.emit(structuredClone(document));
  const second = b.emit(structuredClone(document));
  await first;
  await second;
  expect(flags).toEqual(['--heap-growing-percent=50', '--heap-growing-percent=0']);
});

test('and after a worker that fails', async () => {
  const job = startSchemaTypes();
  // A parameter that is no object: openapi-typescript's transform throws.
  const paths = { '/a': { get: { parameters: [5], responses: {} } } };
  await expect(job.emit({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths })).rejects.toThrow();
  expect(flags.at(-1)).toBe('--heap-growing-percent=0');
});
