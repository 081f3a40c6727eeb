import { allResources } from '../model/build-model.js';
import type { SdkModel } from '../model/types.js';
import { emitClient, emitIndex } from './client.js';
import { emitApiMd } from './docs.js';
import { emitMcp } from './mcp.js';
import { emitModels } from './models.js';
import { emitPackageFiles } from './package-files.js';
import { emitReadme } from './readme.js';
import { emitResources } from './resources.js';
import { emitRuntime } from './runtime.js';
import { banner, type OutputFile } from './source.js';
import { emitTests } from './tests.js';
import { emitWebhooks } from './webhooks.js';

export { banner };

/**
 * Every file of the package but the schema types (emit/schema-types.ts), unformatted, in groups: generate.ts starts
 * formatting each group while the next is emitted. generate.ts loads this module only after the document is on its
 * way to the schema types worker.
 */
export async function* emitPackage(model: SdkModel): AsyncGenerator<OutputFile[]> {
  // A few hundred modules a group: between groups the event loop turns, so the schema types, when the worker sends
  // them, go to the formatter then rather than after every module is emitted.
  const resources = chunks(allResources(model.resources), GROUP);
  for (const [index, part] of resources.entries()) {
    const last = index === resources.length - 1;
    yield [
      ...(index === 0 ? [emitModels(model)] : []),
      ...emitResources(model, part),
      ...(last ? [...emitClient(model), emitIndex(model), ...emitWebhooks(model), ...emitMcp(model)] : []),
    ];
  }
  yield [...(await emitRuntime(model)), ...(await emitPackageFiles(model))];
  for (const [index, part] of resources.entries()) {
    yield [...emitTests(model, part), ...(index === resources.length - 1 ? [emitReadme(model), emitApiMd(model)] : [])];
  }
}

/** Resource modules (and their test files) a group holds. */
const GROUP = 400;

/** The items in parts of `size`; one part, empty, for none. */
function chunks<T>(items: readonly T[], size: number): T[][] {
  const parts: T[][] = [];
  for (let start = 0; start < items.length; start += size) parts.push(items.slice(start, start + size));
  return parts.length > 0 ? parts : [[]];
}
