import { relative, resolve } from 'node:path';
import { formatFiles } from './emit/format.js';
import { SCHEMA_MODULE, SchemaTypesError, startSchemaTypes } from './emit/schema-types.js';
import type { OutputFile } from './emit/source.js';
import { SpecError } from './errors.js';
import { loadConfig } from './load/load-config.js';
import { loadSpec } from './load/load-spec.js';
import { repairSpec } from './load/repair.js';
import type { SourceDocument } from './load/source-document.js';
import { allMethods, buildModel } from './model/build-model.js';
import { applyDiscriminatorEnums } from './model/discriminators.js';
import type { SdkModel } from './model/types.js';

export interface GenerateOptions {
  spec: string;
  config?: string | undefined;
  /** Base for the file names shown in messages and banners; defaults to the working directory. */
  cwd?: string;
  /** Called as each phase starts, with a short description (the CLI shows it on a terminal). */
  onProgress?: (phase: string) => void;
}

export interface GenerateResult {
  model: SdkModel;
  files: OutputFile[];
}

/** The whole pipeline short of writing: load -> model -> emit -> format. Pure with respect to the output folder. */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const cwd = options.cwd ?? process.cwd();
  const timer = phaseTimer();
  const progress = options.onProgress ?? (() => undefined);
  // openapi-typescript loads and runs in a worker thread, beside the rest of the pipeline.
  const schemaTypes = startSchemaTypes();
  try {
    const display = (file: string): string => relative(cwd, resolve(cwd, file)).split('\\').join('/');
    progress(`loading ${display(options.spec)}`);
    const [{ document, source }, config] = await Promise.all([
      loadSpec(resolve(cwd, options.spec), display(options.spec)),
      loadConfig(options.config === undefined ? undefined : resolve(cwd, options.config), options.config && display(options.config)),
    ]);
    const repairs: string[] = [];
    repairSpec(document, repairs);
    // The schema types come from the worker; everything else is emitted and formatted meanwhile.
    const specFile = display(options.spec);
    const types = schemaTypes.emit(document);
    // The emitters load now (ts-morph takes half a second), while the worker transforms the document.
    const emitters = import('./emit/emit-package.js');
    const formattedTypes = types
      .catch((error: unknown) => {
        throw error instanceof SchemaTypesError ? asSpecError(error, source) : error;
      })
      .then(async (text) => formatFiles([{ path: `src/${SCHEMA_MODULE}.ts`, text: `${(await emitters).banner({ specFile })}\n${uploadImport(text)}${text}` }]));
    // If something below throws first, these rejections are not the ones to report.
    for (const promise of [emitters, formattedTypes]) promise.catch(() => undefined);
    // The worker has its copy; ours gets the discriminator properties openapi-typescript adds to its own.
    applyDiscriminatorEnums(document);
    timer('load');
    progress(`building the model of ${Object.keys(document.paths ?? {}).length} paths`);
    const model = buildModel(document, config, specFile);
    model.warnings.unshift(...repairs);
    const { emitPackage } = await emitters;
    timer('model');
    progress(`emitting ${allMethods(model.resources).length} methods`);
    const files = await emitPackage(model);
    timer('emit');
    progress(`formatting ${files.length + 1} files (and typing ${Object.keys(document.components?.['schemas'] ?? {}).length} schemas)`);
    const formatted = [...(await formatFiles(files)), ...(await formattedTypes)];
    timer('format (and the schema types)');
    return { model, files: formatted.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
  } finally {
    schemaTypes.cancel();
  }
}

/**
 * openapi-typescript's transform throws on some things it cannot type, with the place as `... at #/json/pointer`.
 * That is the user's spec, not a generator bug: report it as a SpecError at that place.
 */
function asSpecError(error: unknown, source: SourceDocument): unknown {
  if (!(error instanceof Error)) return error;
  const match = /^(.*?)\s+at #(\/\S*)/s.exec(error.message);
  if (!match) return error;
  return new SpecError(source.locate(match[2]!), `${match[1]!.trim()} (reported by openapi-typescript)`);
}

/** With `SDKGEN_DEBUG` set, prints how long each phase took (to stderr). */
function phaseTimer(): (phase: string) => void {
  let last = performance.now();
  if (process.env['SDKGEN_DEBUG']) process.stderr.write(`[sdkgen] started ${Math.round(last)} ms after the process\n`);
  return (phase) => {
    const now = performance.now();
    if (process.env['SDKGEN_DEBUG']) process.stderr.write(`[sdkgen] ${phase}: ${Math.round(now - last)} ms (at ${Math.round(now)} ms)\n`);
    last = now;
  };
}

/**
 * Request bodies with binary fields name the runtime's `Uploadable` (schema-types-transform.mjs's UPLOADABLE, not
 * imported here: that module loads the TypeScript compiler); import it then. Comment lines do not count.
 */
function uploadImport(types: string): string {
  const used = types.split('\n').some((line) => !/^\s*(\*|\/\*|\/\/)/.test(line) && /(?<![\w'"])Uploadable(?![\w'"])/.test(line));
  return used ? `import type { Uploadable } from '../core/uploads.js';\n\n` : '';
}
