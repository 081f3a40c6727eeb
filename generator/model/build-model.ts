// The model of the SDK, built from the loaded spec in steps: names, component models, operations placed in a tree,
// resources named from it, the MCP tools' input schemas, webhooks, servers and auth. Each step is a module of model/;
// they share a ModelContext. The emitters read the model only: what they show of the spec is resolved here.
import type { SdkConfig } from '../load/load-config.js';
import type { OpenAPIDocument } from '../load/load-spec.js';
import { readSecurity, readSecuritySchemes, schemeKeyOptions } from './auth.js';
import { readModels } from './components.js';
import { createContext } from './context.js';
import { readEnvironments } from './environments.js';
import { packageMeta, serverURL } from './package-meta.js';
import { placeOperations } from './place-operations.js';
import { allMethods, buildResources } from './resources.js';
import { forgetSchemaAnswers } from './schemas.js';
import { collectSecretFields } from './secrets.js';
import type { Surface } from './surface.js';
import { withTokenClientAuth } from './token-auth.js';
import { addToolInputs } from './tool-inputs.js';
import type { SdkModel } from './types.js';
import { readWebhooks } from './webhooks.js';

export { allMethods, allResources, takesFiles } from './resources.js';

/** What the banners say to run when no config names the project's own command. */
export const DEFAULT_REGENERATE_COMMAND = 'npx sdkgen generate';

/** Builds the SDK model from a loaded spec and its config. Pure: same inputs, same model. */
export function buildModel(
  document: OpenAPIDocument,
  config: SdkConfig,
  specFile: string,
  surface?: Surface,
): SdkModel {
  const context = createContext(document, config, surface);
  const { identity, names, casing, warnings } = context;
  const models = readModels(context);
  const readSchemes = readSecuritySchemes(document, warnings);
  const tree = placeOperations(context, readSchemes);
  // Every operation is read (its examples built): what that kept about the schemas goes before the rest is built.
  forgetSchemaAnswers(document);
  const resources = buildResources(context, tree, models);
  const toolDefs = addToolInputs(document as Record<string, unknown>, resources);
  const webhooks = readWebhooks(document as Record<string, unknown>, config.webhooks, {
    claim: (name) => names.claim(name),
    casing,
    warnings,
  });
  const defaultBaseURL = config.baseURL ?? serverURL(document, warnings);
  const methods = allMethods(resources);
  // The token endpoint's client authentication needs the methods, so the schemes are final once they are built.
  const securitySchemes = withTokenClientAuth(document, readSchemes, methods, defaultBaseURL);
  const defaultSecurity = readSecurity(document.security, securitySchemes);
  // The model is built: what was kept about the spec's schemas to build it is let go of (the emitters read the model).
  forgetSchemaAnswers(document);
  return {
    specFile,
    regenerateCommand: config.regenerateCommand ?? DEFAULT_REGENERATE_COMMAND,
    title: document.info.title,
    ...(document.info.description !== undefined && { description: document.info.description }),
    apiVersion: String(document.info.version),
    clientName: identity.clientName,
    envPrefix: identity.envPrefix,
    packageName: identity.packageName,
    keyOption: identity.keyOption,
    // A configured base URL is the API's only one: no environments beside it.
    environments: config.baseURL === undefined ? readEnvironments(document) : [],
    packageVersion: config.package?.version ?? '0.0.1',
    packageDescription: config.package?.description ?? `TypeScript client for the ${document.info.title}`,
    packageMeta: packageMeta(document, config),
    defaultBaseURL,
    securitySchemes,
    defaultSecurity,
    schemeKeyOptions: schemeKeyOptions(securitySchemes, defaultSecurity, methods),
    requiresCredentials: methods.some(
      (method) => method.security.length > 0 && method.security.every((names) => names.length > 0),
    ),
    ...(config.idempotencyHeader !== undefined && { idempotencyHeader: config.idempotencyHeader }),
    secretHeaders: Object.values(securitySchemes).flatMap((scheme) =>
      scheme.type === 'apiKey' && scheme.in === 'header' ? [scheme.name] : [],
    ),
    secretFields: collectSecretFields(document),
    resources,
    models,
    ...(webhooks && { webhooks }),
    toolDefs,
    warnings,
  };
}
