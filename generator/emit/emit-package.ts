import type { SdkModel } from '../model/types.js';
import { emitClient, emitIndex } from './client.js';
import { emitApiMd } from './docs.js';
import { emitModels } from './models.js';
import { emitPackageFiles } from './package-files.js';
import { emitReadme } from './readme.js';
import { emitResources } from './resources.js';
import { emitRuntime } from './runtime.js';
import { banner, type OutputFile } from './source.js';
import { emitTests } from './tests.js';

export { banner };

/**
 * Every file of the package but the schema types (emit/schema-types.ts), unformatted, in groups: generate.ts starts
 * formatting each group while the next is emitted. generate.ts loads this module (and ts-morph with it) only after the
 * document is on its way to the schema types worker.
 */
export async function* emitPackage(model: SdkModel): AsyncGenerator<OutputFile[]> {
  yield [emitModels(model), ...emitResources(model), ...emitClient(model), emitIndex(model)];
  yield [...(await emitRuntime(model)), ...(await emitPackageFiles(model))];
  yield emitTests(model);
  yield [emitReadme(model), emitApiMd(model)];
}
