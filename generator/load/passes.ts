// The loading stage as one list: every pass a spec goes through between its text and the document the model reads,
// in order. Each pass is a module of load/; this file only says which runs when.
import { dirname } from 'node:path';
import { SpecError } from '../core/errors.js';
import type { OpenAPIDocument } from '../core/openapi-document.js';
import { bundleExternalRefs, hasExternalRefs } from './bundle.js';
import { checkRefCycles } from './cycles.js';
import { type DeepObjectParams, flattenDeepObjectParams } from './flat-params.js';
import { checkOpenAPI } from './openapi-version.js';
import { createRefPolicy, type RefLimits } from './ref-confinement.js';
import { checkRefs } from './refs.js';
import { repairSpec } from './repair.js';
import { checkDepth, checkShape } from './shape.js';
import type { SourceDocument } from './source-document.js';
import { convertSwagger2 } from './swagger2.js';

export interface LoadSpecOptions {
  /**
   * Folders (absolute) and http(s) URL prefixes `$ref`s may read besides the spec's own folder (see
   * `resolveAllowRefs` in load/ref-confinement.ts).
   */
  allowRefs?: readonly string[];
  /** Size and time limits of what refs read (defaults: DEFAULT_REF_LIMITS). */
  refLimits?: Partial<RefLimits>;
  /**
   * Run the repairing passes too (what generating needs): their warnings go to `warnings`, and `deepObjectParams` (the
   * config's) says which deepObject query params become flat. Without it the document is checked, not changed.
   */
  repair?: { warnings: string[]; deepObjectParams?: DeepObjectParams | undefined };
}

/** What the passes read and hand on: the spec as parsed, its data replaced by the passes that make a new document. */
export interface LoadState {
  /** The spec's text, and the file its relative `$ref`s point from (undefined for a URL or stdin). */
  readonly text: string;
  readonly file: string | undefined;
  readonly displayName: string;
  readonly options: LoadSpecOptions;
  source: SourceDocument;
  /** The data as first parsed: a pass that bundled or converted the document left another in `source`. */
  readonly parsed: unknown;
}

/** One pass of the loading stage. */
export interface LoadPass {
  name: string;
  /** A pass that changes the document (only run when the caller asks for repairs). */
  repairs?: true;
  run(state: LoadState): void | Promise<void>;
}

/**
 * The passes, in order: checks that make every later walk safe first (depth before anything recurses), then what
 * makes one OpenAPI 3 document (other files bundled in, Swagger converted), the checks of that document, and last the
 * repairs and rewrites every later stage (the types and the model) sees.
 */
export const LOAD_PASSES: readonly LoadPass[] = [
  // Before anything walks it: a walk that recurses per level must not meet a document 10,000 levels deep.
  { name: 'depth', run: ({ source }) => checkDepth(source) },
  { name: 'bundle $refs to other files', run: bundle },
  { name: 'convert Swagger 2.0', run: swagger2 },
  // Other files bundled in, or a conversion from Swagger 2.0, make a new document.
  {
    name: 'depth of a new document',
    run: ({ source, parsed }) => (source.data !== parsed ? checkDepth(source) : undefined),
  },
  { name: 'OpenAPI 3.x with info and paths', run: ({ source }) => void checkOpenAPI(source) },
  { name: 'shape', run: ({ source }) => checkShape(source) },
  { name: 'local $refs resolve', run: ({ source }) => checkRefs(source) },
  { name: '$ref cycles outside schemas', run: ({ source }) => checkRefCycles(source) },
  {
    name: 'repair',
    repairs: true,
    run: ({ source, options }) => repairSpec(documentOf(source), options.repair!.warnings),
  },
  // Before the types and the model read the params: both see the flat names.
  {
    name: 'flatten deepObject params',
    repairs: true,
    run: ({ source, options }) => flattenDeepObjectParams(documentOf(source), options.repair!.deepObjectParams),
  },
];

/** Runs the passes over a parsed spec: the repairing ones only where `options.repair` asks for them. */
export async function runLoadPasses(state: LoadState): Promise<OpenAPIDocument> {
  for (const pass of LOAD_PASSES) if (!pass.repairs || state.options.repair) await pass.run(state);
  return documentOf(state.source);
}

/** The document, once the OpenAPI check has passed (that check returns the same object). */
const documentOf = (source: SourceDocument): OpenAPIDocument => source.data as OpenAPIDocument;

/** `$ref`s to other files bundled in, confined to the spec's folder unless `allowRefs` widens it. */
async function bundle(state: LoadState): Promise<void> {
  const { source, file, text, displayName, options } = state;
  if (!hasExternalRefs(source.data)) return;
  if (file === undefined)
    throw new SpecError(
      source.locate(''),
      'refers to other files ($ref), which are not followed for a spec read from a URL or stdin: bundle it into one document',
    );
  const policy = await createRefPolicy(file, dirname(displayName) || '.', options.allowRefs, options.refLimits);
  state.source = { ...source, data: await bundleExternalRefs(file, text, source, policy) };
}

/** A Swagger 2.0 document converted to OpenAPI 3 (positions in errors then refer to the converted document). */
async function swagger2(state: LoadState): Promise<void> {
  const data = state.source.data as Record<string, unknown> | null;
  if (data && typeof data === 'object' && !Array.isArray(data) && data['swagger'] === '2.0')
    state.source = { ...state.source, data: await convertSwagger2(state.source) };
}
