// What every step of building the model reads and adds to: one object instead of the same five arguments passed on.
import type { SdkConfig } from '../load/load-config.js';
import type { OpenAPIDocument } from '../load/load-spec.js';
import { samplesClient } from './code-samples.js';
import { type Identity, readIdentity } from './identity.js';
import { NameRegistry, RUNTIME_EXPORTS } from './name-registry.js';
import type { Surface } from './surface.js';

/** The inputs of one model build and the state its steps share (the names handed out, the warnings so far). */
export interface ModelContext {
  /** The loaded, repaired spec. */
  readonly document: OpenAPIDocument;
  readonly config: SdkConfig;
  /** An existing SDK's api.md, whose names the SDK keeps. */
  readonly surface: Surface | undefined;
  /** The config's word spellings (`{ oauth: 'OAuth' }`), keyed by the lower-cased word. */
  readonly casing: Record<string, string>;
  /** The client's and package's names. */
  readonly identity: Identity;
  /** Every exported type name handed out so far: each step claims its own through it. */
  readonly names: NameRegistry;
  /** What the steps repaired, ignored or could not do, in the order they met it. */
  readonly warnings: string[];
}

/** The context for building the model of `document`: the names the client and runtime take are claimed first. */
export function createContext(document: OpenAPIDocument, config: SdkConfig, surface?: Surface): ModelContext {
  const casing = Object.fromEntries(
    Object.entries(config.casing ?? {}).map(([word, spelling]) => [word.toLowerCase(), spelling]),
  );
  const warnings: string[] = [];
  // The spec's own code samples show the official SDK's client: its class, package and credential option.
  const sample = config.names?.fromCodeSamples === false ? undefined : samplesClient(document, warnings);
  const identity = readIdentity(document, config, casing, sample);
  const { clientName } = identity;
  return {
    document,
    config,
    surface,
    casing,
    identity,
    names: new NameRegistry([...RUNTIME_EXPORTS, clientName, `${clientName}Error`]),
    warnings,
  };
}
