import type { ImportDeclarationStructure, OptionalKind } from 'ts-morph';
import { lineCommentText, markdownCode, propertyKey } from '../core/escape.js';
import type { SdkModel } from '../model/types.js';
import type { WebhookEvent, WebhooksModel } from '../model/webhooks.js';
import { valueSource } from './examples.js';
import { MODELS_MODULE } from './models.js';
import { SCHEMA_MODULE } from './schema-types.js';
import { literal, type OutputFile, printSourceFile, relativeImport } from './source.js';
import { StructureKind } from './structure-kinds.js';
import { modelNames } from './type-expressions.js';

/** The client property and module of the webhooks helper: `webhooks`, unless a resource of the API has that name. */
export function webhooksPlacement(model: SdkModel): { property: string; className: string; module: string } {
  const taken = model.resources.some(
    (resource) =>
      resource.property === 'webhooks' || resource.modulePath === 'webhooks' || resource.className === 'Webhooks',
  );
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
          event.discriminator
            ? `Its ${markdownCode(event.discriminator.path.join('.'))} is ${event.discriminator.values.map((value) => markdownCode(JSON.stringify(value))).join(' or ')}.`
            : undefined,
        ]
          .filter((part): part is string => part !== undefined && part.trim() !== '')
          .join('\n\n'),
        ...(event.deprecated && { tags: [{ tagName: 'deprecated' }] }),
      },
    ],
  }));
  // Events whose payload declares no value at the discriminating path take `never` there in the union, so that
  // `event.data?.event_type === '...'` compiles over every member and narrows (TypeScript reads a property of a union
  // only where every member declares it).
  const path = discriminatorPath(webhooks);
  const filler = path ? path.reduceRight((inner, name) => `{ ${propertyKey(name)}?: ${inner} }`, 'never') : undefined;
  const union =
    webhooks.events
      .map((event) => (event.discriminator || !filler ? event.typeName : `(${event.typeName} & ${filler})`))
      .join(' | ') || 'never';
  const imports: OptionalKind<ImportDeclarationStructure>[] = [
    {
      isTypeOnly: true,
      namedImports: [`${model.clientName}Core`],
      moduleSpecifier: relativeImport(module, 'core-client'),
    },
    { namedImports: ['WebhooksResource'], moduleSpecifier: relativeImport(module, 'webhooks/resource') },
    { isTypeOnly: true, namedImports: ['WebhookScheme'], moduleSpecifier: relativeImport(module, 'webhooks/verify') },
    ...(usedModels.size > 0
      ? [
          {
            isTypeOnly: true,
            namedImports: [...usedModels].sort(),
            moduleSpecifier: relativeImport(module, MODELS_MODULE),
          },
        ]
      : []),
    ...(usesWebhookTypes || usesComponents
      ? [
          {
            isTypeOnly: true,
            namedImports: [...(usesComponents ? ['components'] : []), ...(usesWebhookTypes ? ['webhooks'] : [])],
            moduleSpecifier: relativeImport(module, SCHEMA_MODULE),
          },
        ]
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
        docs: [
          {
            description: `Every event the API sends: what \`unwrap\` returns.${path ? ` Narrow it by ${markdownCode(path.join('.'))}.` : ''}`,
          },
        ],
      },
      {
        kind: StructureKind.TypeAlias,
        name: 'UnsafeUnwrapWebhookEvent',
        isExported: true,
        type: 'UnwrapWebhookEvent',
        docs: [{ description: 'What `unsafeUnwrap` returns: the same events, unverified.' }],
      },
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
        properties: [
          {
            name: 'scheme',
            scope: 'protected' as never,
            isReadonly: true,
            hasOverrideKeyword: true,
            type: 'WebhookScheme | undefined',
            initializer: scheme,
          },
        ],
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
  if (scheme.type === 'ed25519')
    return `Ed25519 signatures of ${markdownCode(scheme.signedContent)} in ${markdownCode(scheme.signatureHeader)}, timestamped by ${markdownCode(scheme.timestampHeader)}`;
  if (scheme.type === 'standard') return 'Standard Webhooks signatures (HMAC-SHA256)';
  return `HMAC-SHA256 signatures of ${markdownCode(scheme.signedContent)} in ${markdownCode(scheme.signatureHeader)}`;
}

/** The payload path that tells the events apart (`['data', 'event_type']`), where one does. */
export function discriminatorPath(webhooks: WebhooksModel): string[] | undefined {
  return webhooks.events.find((event) => event.discriminator)?.discriminator?.path;
}

/** The README's Webhooks section: a Node handler and a web (Next.js) route handler, each keeping the raw body. */
export function webhooksReadme(model: SdkModel, codeBlock: (...lines: string[]) => string[]): string[] {
  const webhooks = model.webhooks;
  if (!webhooks) return [];
  const { property } = webhooksPlacement(model);
  const env = webhookKeyEnv(model, webhooks);
  const path = discriminatorPath(webhooks);
  const first = webhooks.events.find((event) => event.discriminator);
  const narrow =
    path !== undefined && first?.discriminator
      ? [
          `if (${accessor(path)} === ${literal(first.discriminator.values[0]!)}) {`,
          `  // here ${lineCommentText(narrowedText(path, first.typeName))}`,
          '}',
        ]
      : ['console.log(event);'];
  return [
    '## Webhooks',
    '',
    `\`client.${property}.unwrap(body, { headers })\` verifies a webhook's signature (${schemeSummary(webhooks)}) and returns its event, parsed and typed as \`UnwrapWebhookEvent\`${path !== undefined ? `, which narrows by ${markdownCode(path.join('.'))}` : ''}. It is synchronous and runs on Node.js, Bun, Deno, browsers and edge runtimes. The key is the \`${webhooks.keyOption}\` client option, else \`${env}\`, or \`{ key }\` per call. Pass the body exactly as received (a string or bytes): a parsed and re-serialized object no longer matches its signature. A failed check throws \`WebhookVerificationError\`, whose message says which check failed (a missing header, a timestamp more than 5 minutes away, no matching signature) and never the key; \`unsafeUnwrap(body)\` parses without verifying.`,
    '',
    'With `node:http`:',
    '',
    ...codeBlock(
      "import http from 'node:http';",
      `import ${model.clientName} from ${literal(model.packageName)};`,
      '',
      `const client = new ${model.clientName}();`,
      '',
      'http',
      '  .createServer(async (request, response) => {',
      '    const chunks: Buffer[] = [];',
      '    for await (const chunk of request) chunks.push(chunk as Buffer);',
      '    try {',
      `      const event = client.${property}.unwrap(Buffer.concat(chunks), { headers: request.headers });`,
      ...narrow.map((line) => `      ${line}`),
      '      response.writeHead(200).end();',
      '    } catch {',
      '      response.writeHead(400).end();',
      '    }',
      '  })',
      '  .listen(3000);',
    ),
    '',
    'In a Next.js route handler (`app/webhooks/route.ts`), or any handler of web `Request`s:',
    '',
    ...codeBlock(
      `import ${model.clientName} from ${literal(model.packageName)};`,
      '',
      `const client = new ${model.clientName}();`,
      '',
      'export async function POST(request: Request): Promise<Response> {',
      `  const event = client.${property}.unwrap(await request.text(), { headers: request.headers });`,
      '  console.log(event);',
      '  return new Response(null, { status: 200 });',
      '}',
    ),
  ];
}

/** api.md's Webhooks section: every event type and the helper's methods. */
export function webhooksApiMd(model: SdkModel): string[] {
  const webhooks = model.webhooks;
  if (!webhooks) return [];
  const { property, module } = webhooksPlacement(model);
  const link = (name: string) => `- <code><a href="./src/${module}.ts">${name}</a></code>`;
  return [
    '## Webhooks',
    '',
    'Types:',
    '',
    ...webhookTypeNames(webhooks).map(link),
    '',
    'Methods:',
    '',
    `- <code>client.${property}.<a href="./src/${module}.ts">unwrap</a>(body, { headers, key? }) -> UnwrapWebhookEvent</code>`,
    `- <code>client.${property}.<a href="./src/${module}.ts">unsafeUnwrap</a>(body) -> UnsafeUnwrapWebhookEvent</code>`,
    `- <code>client.${property}.<a href="./src/${module}.ts">verify</a>(body, headers, key?) -> void</code>`,
    '',
  ];
}

/** `event.data?.event_type`, with `?.['name']` for a property that is not an identifier. */
function accessor(path: readonly string[]): string {
  return path
    .map((name, index) => {
      const key = propertyKey(name);
      const optional = index === 0 ? '' : '?.';
      return key === name ? `${optional || '.'}${name}` : `${optional}[${key}]`;
    })
    .reduce((text, part) => text + part, 'event');
}

/** What a check of the discriminating path narrows: the event itself at the top level, else the object holding it. */
function narrowedText(path: string[], typeName: string): string {
  const parent = path.slice(0, -1);
  return parent.length === 0
    ? `event is a ${typeName}`
    : `event.${parent.join('.')} is the ${typeName}'s ${parent.join('.')}`;
}
