import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadConfig } from '../load/load-config.js';
import { loadSpec } from '../load/load-spec.js';
import { buildModel } from '../model/build-model.js';
import { applyDiscriminatorEnums } from '../model/discriminators.js';
import { compareSurfaces } from './compare.js';
import { buildReport, type DiffReport } from './report.js';
import { buildSurface, type Surface } from './surface.js';

/** One side of a comparison: a spec file, its SDK config if any, and a name for messages. */
export interface SpecInput {
  spec: string;
  config?: string | undefined;
  /** How files are named in messages (`main:spec/openapi.yaml`). */
  label?: string;
  /** Folders (absolute) and URL prefixes `$ref`s may read besides the spec's folder, as `loadSpec` takes them. */
  allowRefs?: readonly string[];
}

/** The SDK surface a spec and config give: the same model the generator emits from. */
export async function surfaceOf(input: SpecInput): Promise<Surface> {
  // The config first: its allowRefs say what the spec's refs may read (the same rules as generate()).
  const config = await loadConfig(input.config === undefined ? undefined : resolve(input.config), input.config);
  const allowRefs = [...(input.allowRefs ?? []), ...(config.allowRefs ?? [])];
  const { document } = await loadSpec(resolve(input.spec), input.label ?? input.spec, {
    allowRefs,
    repair: { warnings: [] },
  });
  // As generate() does: the model sees the discriminator members the SDK's types have.
  applyDiscriminatorEnums(document);
  return buildSurface(buildModel(document, config, input.label ?? input.spec), document);
}

/** Compares the SDKs two versions of a spec give. */
export async function diffSpecs(base: SpecInput, head: SpecInput): Promise<DiffReport> {
  // A pull request that leaves the spec and config alone (most of them) is answered without parsing twice.
  // Not when the spec refers to other files: those may differ where the root file does not.
  const baseText = await contents(base);
  const same = baseText === (await contents(head)) && !/\$ref['"]?\s*:\s*['"]?(?!#)[^\s'"]/.test(baseText);
  const before = await surfaceOf(base);
  const after = same ? before : await surfaceOf(head);
  return buildReport(compareSurfaces(before, after));
}

async function contents(input: SpecInput): Promise<string> {
  const read = (file: string | undefined) =>
    file === undefined ? Promise.resolve('') : readFile(resolve(file), 'utf8').catch(() => '');
  const [spec, config] = await Promise.all([read(input.spec), read(input.config)]);
  return `${spec}\u0000${config}`;
}
