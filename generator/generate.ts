import { readFile, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { ConfigError, InputError, SpecError } from './core/errors.js';
import type { OpenAPIDocument } from './core/openapi-document.js';
import type { OutputFile } from './core/output-file.js';
import { SCHEMA_MODULE, SchemaTypesError, startSchemaTypes } from './emit/schema-types.js';
import { formatFiles, startFormatting } from './format/format.js';
import { loadConfig, type SdkConfig } from './load/load-config.js';
import { loadSpecInput } from './load/load-spec.js';
import { isURL } from './load/read-input.js';
import { allowedByFlag } from './load/ref-confinement.js';
import type { SourceDocument } from './load/source-document.js';
import { allMethods, buildModel, DEFAULT_REGENERATE_COMMAND } from './model/build-model.js';
import { applyDiscriminatorEnums } from './model/discriminators.js';
import { loadSurfaceTree, type Surface, SurfaceError } from './model/surface.js';
import type { SdkModel } from './model/types.js';

export interface GenerateOptions {
  /** A file, an http(s) URL (fetched with a timeout and a size limit), or `-` for stdin. */
  spec: string;
  config?: string | undefined;
  /** An existing SDK's api.md whose names to keep; default: the config's `surface`, relative to the config file. */
  surface?: string | undefined;
  /** The config, already loaded from `config` (the CLI reads it first for its input and output); not read again. */
  loadedConfig?: SdkConfig | undefined;
  /** Overrides the config's `regenerateCommand` (what the banners say to run). */
  regenerateCommand?: string | undefined;
  /** Write over an output folder that does not look generated (acted on by the writer). */
  force?: boolean | undefined;
  /** Base for the file names shown in messages and banners; defaults to the working directory. */
  cwd?: string;
  /** Called as each phase starts, with a short description (the CLI shows it on a terminal). */
  onProgress?: (phase: string) => void;
  /** Folders (relative to `cwd`) and http(s) URL prefixes `$ref`s may read besides the spec's folder (`--allow-refs`). */
  allowRefs?: readonly string[];
}

export interface GenerateResult {
  model: SdkModel;
  files: OutputFile[];
  /** The loaded, repaired spec the model was built from (the emitters read only the model). */
  document: OpenAPIDocument;
}

/** The whole pipeline short of writing: load -> model -> emit -> format. Pure with respect to the output folder. */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const cwd = options.cwd ?? process.cwd();
  const timer = phaseTimer();
  const progress = options.onProgress ?? (() => undefined);
  // openapi-typescript loads and runs in a worker thread, beside the rest of the pipeline.
  const schemaTypes = startSchemaTypes();
  try {
    const display = (file: string): string =>
      isURL(file) ? file : file === '-' ? '<stdin>' : relative(cwd, resolve(cwd, file)).split('\\').join('/');
    progress(`loading ${display(options.spec)}`);
    // The config first: its allowRefs say what the spec's refs may read.
    const loadedConfig =
      options.loadedConfig ??
      (await loadConfig(
        options.config === undefined ? undefined : resolve(cwd, options.config),
        options.config && display(options.config),
      ));
    const config =
      options.regenerateCommand === undefined
        ? loadedConfig
        : { ...loadedConfig, regenerateCommand: options.regenerateCommand };
    const allowRefs = [...allowedByFlag(options.allowRefs ?? [], cwd), ...(config.allowRefs ?? [])];
    // The loading passes (load/passes.ts), repairs included: what they repaired is the model's first warnings.
    const repairs: string[] = [];
    const { document, source } = await loadSpecInput(options.spec, cwd, display(options.spec), {
      allowRefs,
      repair: { warnings: repairs, deepObjectParams: config.deepObjectParams },
    });
    // The schema types come from the worker; everything else is emitted and formatted meanwhile.
    const specFile = display(options.spec);
    const types = schemaTypes.emit(document);
    // The emitters load now, while the worker transforms the document.
    const emitters = import('./emit/emit-package.js');
    const formattedTypes = types
      .catch((error: unknown) => {
        throw error instanceof SchemaTypesError ? asSpecError(error, source) : error;
      })
      .then(async (text) =>
        formatFiles([
          {
            path: `src/${SCHEMA_MODULE}.ts`,
            text: `${(await emitters).banner({ specFile, regenerateCommand: config.regenerateCommand ?? DEFAULT_REGENERATE_COMMAND })}\n${uploadImport(text)}${text}`,
          },
        ]),
      );
    // If something below throws first, these rejections are not the ones to report.
    for (const promise of [emitters, formattedTypes]) promise.catch(() => undefined);
    // The worker has its copy; ours gets the discriminator properties openapi-typescript adds to its own.
    applyDiscriminatorEnums(document);
    timer('load');
    progress(`building the model of ${Object.keys(document.paths ?? {}).length} paths`);
    const surfaceFile =
      options.surface !== undefined
        ? resolve(cwd, options.surface)
        : config.surface !== undefined && options.config !== undefined
          ? resolve(dirname(resolve(cwd, options.config)), config.surface)
          : undefined;
    const surface = surfaceFile === undefined ? undefined : await loadSurface(surfaceFile, display(surfaceFile));
    const model = buildModel(document, config, specFile, surface);
    model.warnings.unshift(...repairs);
    const { emitPackage } = await emitters;
    timer('model');
    progress(`emitting ${allMethods(model.resources).length} methods`);
    // Each group of files goes to the formatter (a process of its own) as soon as it is emitted.
    const formatting: Array<() => Promise<OutputFile[]>> = [];
    let count = 1;
    try {
      for await (const group of emitPackage(model)) {
        count += group.length;
        formatting.push(await startFormatting(group));
      }
    } catch (error) {
      // The formatter runs already started end (and their scratch folders go) before the error is reported.
      await Promise.allSettled(formatting.map((finish) => finish()));
      throw error;
    }
    timer('emit');
    progress(
      `formatting ${count} files (and typing ${Object.keys(document.components?.['schemas'] ?? {}).length} schemas)`,
    );
    const formatted: OutputFile[] = [];
    for (const finish of formatting) formatted.push(...(await finish()));
    formatted.push(...(await formattedTypes));
    timer('format (and the schema types)');
    return { model, files: formatted.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), document };
  } finally {
    await schemaTypes.cancel();
  }
}

/**
 * openapi-typescript's transform throws on some things it cannot type, with the place as `... at #/json/pointer`.
 * That is the user's spec, not a generator bug: report it as a SpecError at that place (or at the top, without one).
 */
function asSpecError(error: unknown, source: SourceDocument): unknown {
  if (!(error instanceof Error)) return error;
  const match = /^(.*?)\s+at #(\/\S*)/s.exec(error.message);
  // Without a place, it is still the document openapi-typescript could not type: one line, at the top.
  if (!match)
    return new SpecError(
      source.locate(''),
      `openapi-typescript cannot type this document: ${error.message.split('\n')[0]!.trim()}`,
    );
  return new SpecError(
    source.locate(match[2]!),
    `${match[1]!.trim().split('\n')[0]!} (reported by openapi-typescript)`,
  );
}

/** With `SDKGEN_DEBUG` set, prints how long each phase took (to stderr). */
function phaseTimer(): (phase: string) => void {
  let last = performance.now();
  if (process.env['SDKGEN_DEBUG']) process.stderr.write(`[sdkgen] started ${Math.round(last)} ms after the process\n`);
  return (phase) => {
    const now = performance.now();
    // The heap is this thread's; the process's resident memory includes the worker's and the formatter's buffers.
    const memory = (): string =>
      `heap ${Math.round(process.memoryUsage().heapTotal / 1048576)} MB, rss ${Math.round(process.memoryUsage().rss / 1048576)} MB`;
    if (process.env['SDKGEN_DEBUG'])
      process.stderr.write(`[sdkgen] ${phase}: ${Math.round(now - last)} ms (at ${Math.round(now)} ms, ${memory()})\n`);
    last = now;
  };
}

/** Reads an existing SDK's api.md; a missing file or a line it cannot read is a ConfigError with its place. */
async function loadSurface(file: string, display: string): Promise<Surface> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(
      { file: display },
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'cannot be read',
    );
  }
  // api.md may link one api.md per resource group, inside its own folder.
  const folder = dirname(file);
  const inside = (base: string, target: string): boolean => {
    const path = relative(base, target);
    return path !== '' && !path.startsWith('..') && !isAbsolute(path);
  };
  const within = (target: string): boolean => inside(folder, target);
  const show = (target: string): string => join(dirname(display), relative(folder, target)).split('\\').join('/');
  // A symbolic link inside the folder may not lead out of it either.
  const read = async (target: string): Promise<string> => {
    if (target === file) return text;
    if (!inside(await realpath(folder), await realpath(target))) throw new Error('outside');
    return readFile(target, 'utf8');
  };
  try {
    return await loadSurfaceTree(file, display, {
      read,
      within,
      resolveLink: (from, link) => resolve(dirname(from), safeDecode(link)),
      show,
    });
  } catch (error) {
    throw error instanceof SurfaceError
      ? new ConfigError({ file: error.file ?? display, line: error.line }, error.message)
      : error;
  }
}

/** A link's `%20`s decoded; one that is not valid percent-encoding is taken as written. */
function safeDecode(link: string): string {
  try {
    return decodeURIComponent(link);
  } catch {
    return link;
  }
}

/**
 * Request bodies with binary fields name the runtime's `Uploadable` (schema-types-transform.mjs's UPLOADABLE, not
 * imported here: that module loads the TypeScript compiler); import it then. Comment lines do not count.
 */
function uploadImport(types: string): string {
  // Most specs have no binary request bodies: the name is nowhere, and the text is not split into its lines.
  const used =
    types.includes(UPLOADABLE) &&
    types.split('\n').some((line) => !/^\s*(\*|\/\*|\/\/)/.test(line) && /(?<![\w'"])Uploadable(?![\w'"])/.test(line));
  return used ? `import type { Uploadable } from '../core/uploads.js';\n\n` : '';
}

const UPLOADABLE = 'Uploadable';
