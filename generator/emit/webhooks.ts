import type { ImportDeclarationStructure, OptionalKind } from 'ts-morph';
import type { SdkModel } from '../model/types.js';
import type { WebhookEvent, WebhooksModel } from '../model/webhooks.js';
import { valueSource } from './examples.js';
import { markdownCode } from './escape.js';
import { MODELS_MODULE } from './models.js';
import { SCHEMA_MODULE } from './schema-types.js';
import { literal, printSourceFile, relativeImport, type OutputFile } from './source.js';
import { StructureKind } from './structure-kinds.js';
import { modelNames } from './type-expressions.js';

/** The client property and module of the webhooks helper: `webhooks`, unless a resource of the API has that name. */
export function webhooksPlacement(model: SdkModel): { property: string; className: string; module: string } {
  const taken = model.resources.some((resource) => resource.property === 'webhooks' || resource.modulePath === 'webhooks' || resource.className === 'Webhooks');
  return taken
    ? { property: 'webhookEvents', className: 'WebhookEvents', module: 'resources/webhook-events' }
    : { property: 'webhooks', className: 'Webhooks', module: 'resources/webhooks' };
}

/** The names the webhooks module exports besides its class: one type per event, and their unions. */
export function webhookTypeNames(webhooks: WebhooksModel): string[] {
  return [...webhooks.events.map((event) => event.typeName), 'UnwrapWebhookEvent', 'UnsafeUnwrapWebhookEvent'];
}

/** The environment variable the key is read from: `TELNYX_PUBLIC_KEY`, `ACME_WEBHOOK_SECRET`. */
export function webhookKeyEnv(model: SdkModel, webhooks: WebhooksModel): string {
  return `${model.envPrefix}_${webhooks.keyOption === 'publicKey' ? 'PUBLIC_KEY' : 'WEBHOOK_SECRET'}`;
}

/**
 * `src/resources/webhooks.ts`: a type per event (the payload's model, documented from the spec), their union, and the
 * `Webhooks` class that verifies and parses them (the logic is the runtime's `WebhooksResource`; this fills in the
 * scheme and where the client keeps the key).
 */
export function emitWebhooks(model: SdkModel): OutputFile[] {
  const webhooks = model.webhooks;
  if (!webhooks) return [];
  const { className, module } = webhooksPlacement(model);
  const models = modelNames(model);
  const usedModels = new Set<string>();
  let usesWebhookTypes = false;
  let usesComponents = false;
  const typeOf = (event: WebhookEvent): string => {
    const payload = event.payload;
    if ('ref' in payload) {
      const name = models.get(payload.ref);
      if (name !== undefined) {
        usedModels.add(name);
        return name;
      }
      usesComponents = true;
      return `components['schemas'][${literal(payload.ref)}]`;
    }
    if ('webhook' in payload) {
      usesWebhookTypes = true;
      return `NonNullable<webhooks[${literal(payload.webhook)}][${literal(payload.method)}]['requestBody']>['content'][${literal(payload.mediaType)}]`;
    }
    return 'unknown';
  };
  const aliases = webhooks.events.map((event) => ({
    kind: StructureKind.TypeAlias,
    name: event.typeName,
    isExported: true,
    type: typeOf(event),
    docs: [
      {
        description: [
          event.summary ?? `The \`${event.key}\` event.`,
          event.description,
          event.discriminator ? `Its \`${event.discriminator.path.join('.')}\` is ${event.discriminator.values.map((value) => markdownCode(JSON.stringify(value))).join(' or ')}.` : undefined,
        ]
          .filter((part): part is string => part !== undefined && part.trim() !== '')
          .join('\n\n'),
        ...(event.deprecated && { tags: [{ tagName: 'deprecated' }] }),
      },
    ],
  }));
  const union = webhooks.events.map((event) => event.typeName).join(' | ') || 'never';
  const imports: OptionalKind<ImportDeclarationStructure>[] = [
    { isTypeOnly: true, namedImports: [`${model.clientName}Core`], moduleSpecifier: relativeImport(module, 'core-client') },
    { namedImports: ['WebhooksResource'], moduleSpecifier: relativeImport(module, 'webhooks/resource') },
    { isTypeOnly: true, namedImports: ['WebhookScheme'], moduleSpecifier: relativeImport(module, 'webhooks/verify') },
    ...(usedModels.size > 0 ? [{ isTypeOnly: true, namedImports: [...usedModels].sort(), moduleSpecifier: relativeImport(module, MODELS_MODULE) }] : []),
    ...(usesWebhookTypes || usesComponents
      ? [{ isTypeOnly: true, namedImports: [...(usesComponents ? ['components'] : []), ...(usesWebhookTypes ? ['webhooks'] : [])], moduleSpecifier: relativeImport(module, SCHEMA_MODULE) }]
      : []),
  ];
  const scheme = webhooks.scheme ? valueSource(webhooks.scheme) : 'undefined';
  return [
    printSourceFile(model, `src/${module}.ts`, [
      ...imports.map((item) => ({ kind: StructureKind.ImportDeclaration, ...item })),
      ...aliases,
      {
        kind: StructureKind.TypeAlias,
        name: 'UnwrapWebhookEvent',
        isExported: true,
        type: union,
        docs: [{ description: `Every event the API sends: what \`unwrap\` returns.${discriminatorPath(webhooks) ? ` Narrow it by \`${discriminatorPath(webhooks)}\`.` : ''}` }],
      },
      { kind: StructureKind.TypeAlias, name: 'UnsafeUnwrapWebhookEvent', isExported: true, type: 'UnwrapWebhookEvent', docs: [{ description: 'What `unsafeUnwrap` returns: the same events, unverified.' }] },
      {
        kind: StructureKind.Class,
        name: className,
        isExported: true,
        extends: `WebhooksResource<UnwrapWebhookEvent>`,
        docs: [
          {
            description: `Verifies and parses the webhooks the API sends${webhooks.scheme ? ` (${schemeSummary(webhooks)})` : ''}. The key comes from \`unwrap\`'s \`key\`, else the client's \`${webhooks.keyOption}\` option, else \`process.env['${webhookKeyEnv(model, webhooks)}']\`.`,
          },
        ],
        properties: [{ name: 'scheme', scope: 'protected' as never, isReadonly: true, hasOverrideKeyword: true, type: 'WebhookScheme | undefined', initializer: scheme }],
        methods: [
          {
            name: 'clientKey',
            scope: 'protected' as never,
            hasOverrideKeyword: true,
            returnType: 'string | undefined',
            statements: [`return (this._client as ${model.clientName}Core).${webhooks.keyOption};`],
          },
        ],
      },
    ]),
  ];
}

/** One line on how the events are signed, for docs. */
export function schemeSummary(webhooks: WebhooksModel): string {
  const scheme = webhooks.scheme;
  if (!scheme) return 'unsigned: the spec does not say how';
  if (scheme.type === 'ed25519') return `Ed25519 signatures of \`${scheme.signedContent}\` in \`${scheme.signatureHeader}\`, timestamped by \`${scheme.timestampHeader}\``;
  if (scheme.type === 'standard') return 'Standard Webhooks signatures (HMAC-SHA256)';
  return `HMAC-SHA256 signatures of \`${scheme.signedContent}\` in \`${scheme.signatureHeader}\``;
}

/** The payload property that tells the events apart (`data.event_type`), where one does. */
export function discriminatorPath(webhooks: WebhooksModel): string | undefined {
  return webhooks.events.find((event) => event.discriminator)?.discriminator?.path.join('.');
}
