// A synthetic spec with the size and shape of Microsoft Graph's public OpenAPI document (msgraph-metadata, ~20 MB JSON,
// 11,000+ operations), for `npm run bench` and the scale checks. The real one is not in the shared corpus and nothing is
// fetched. What it reproduces, because each costs generators time, memory or type errors:
// - 4,000 schemas in deep `allOf` chains (entity -> directoryObject -> ... up to 8 levels), each level adding properties;
// - `@odata.type` discriminators on the base with a mapping to every derived type, and on each schema an
//   `@odata.type` property whose `default`/`pattern` names the type, as Graph's does;
// - `anyOf: [{ $ref }, { type: 'object', nullable: true }]` for nullable references, collections of refs;
// - 11,000+ operations on nested paths (`/users/{user-id}/messages/{message-id}/attachments`) with Graph's
//   dotted operationIds (`users.messages.ListAttachments`), OData query params ($select, $expand, $filter, $top...),
//   `x-ms-pageable` collection responses with `@odata.nextLink`.
// Deterministic: the same document every time (a seeded generator, no clock or randomness from outside).

const VERBS = ['Get', 'Update', 'Delete'] as const;

/** A small seeded PRNG (mulberry32): the same spec on every machine. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'account activity agreement alert app approval assignment attachment audit authentication booking calendar call ' +
  'channel chat claim client column comment condition connection contact content contract conversation device ' +
  'directory document domain drive event extension feature file folder grant group identity incident invitation item ' +
  'label license list location mailbox meeting member message note notebook onenote order organization page permission ' +
  'phone photo place plan policy presence printer profile provider queue record recording report request resource role ' +
  'room rule schedule schema score section security segment service session setting share shift site subscription ' +
  'task team template tenant thread token training user vendor version workbook worksheet'
).split(' ');

const camel = (words: string[]): string =>
  words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');

export interface GraphShape {
  schemas: number;
  operations: number;
  seed?: number;
}

/** Builds the document; with the defaults, about 20 MB of JSON, 4,000 schemas (3,400 entity types and 600 collection responses) and 11,000+ operations. */
export function graphSpec({
  schemas = 3400,
  operations = 11_400,
  seed = 7,
}: Partial<GraphShape> = {}): Record<string, unknown> {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const names: string[] = ['entity'];
  const parents = new Map<string, string>();
  const depth = new Map<string, number>([['entity', 0]]);
  const used = new Set(names);
  while (names.length < schemas) {
    let name = camel([pick(WORDS), pick(WORDS)]);
    if (used.has(name)) name = `${name}${names.length}`;
    used.add(name);
    // Most types derive from a recent one, which makes long chains, as Graph's do (entity -> outlookItem -> message ...).
    const candidates = names.filter((candidate) => depth.get(candidate)! < 8);
    const parent =
      random() < 0.7 ? candidates[Math.max(0, candidates.length - 1 - Math.floor(random() * 40))]! : pick(candidates);
    parents.set(name, parent);
    depth.set(name, depth.get(parent)! + 1);
    names.push(name);
  }
  const ref = (name: string) => ({ $ref: `#/components/schemas/microsoft.graph.${name}` });
  const children = new Map<string, string[]>();
  for (const [child, parent] of parents) children.set(parent, [...(children.get(parent) ?? []), child]);
  const descendants = (name: string): string[] =>
    (children.get(name) ?? []).flatMap((child) => [child, ...descendants(child)]);

  const components: Record<string, unknown> = {};
  for (const name of names) {
    const properties: Record<string, unknown> = {};
    const count = 4 + Math.floor(random() * 11);
    for (let i = 0; i < count; i++) {
      const prop = camel([pick(WORDS), pick(WORDS)]);
      const kind = random();
      properties[prop] =
        kind < 0.35
          ? { type: 'string', description: `The ${prop} of the ${name}.`, nullable: true }
          : kind < 0.5
            ? { type: 'string', format: 'date-time', description: `When the ${prop} happened.`, nullable: true }
            : kind < 0.6
              ? { type: 'integer', format: 'int32', maximum: 2147483647, minimum: -2147483648, nullable: true }
              : kind < 0.7
                ? { type: 'boolean', nullable: true }
                : kind < 0.85
                  ? { anyOf: [ref(pick(names)), { type: 'object', nullable: true }], description: `The ${prop}.` }
                  : {
                      type: 'array',
                      items: ref(pick(names)),
                      description: `The ${prop} collection.`,
                      'x-ms-navigationProperty': true,
                    };
    }
    properties['@odata.type'] = {
      type: 'string',
      default: `#microsoft.graph.${name}`,
      pattern: `#microsoft.graph.${name}`,
    };
    const own = { title: name, required: ['@odata.type'], type: 'object', properties };
    const parent = parents.get(name);
    const schema: Record<string, unknown> = parent
      ? { allOf: [ref(parent), own] }
      : { ...own, properties: { id: { type: 'string', description: 'The unique identifier.' }, ...properties } };
    const derived = descendants(name);
    if (derived.length > 0 && derived.length < 400) {
      schema['discriminator'] = {
        propertyName: '@odata.type',
        mapping: Object.fromEntries(
          derived.map((child) => [`#microsoft.graph.${child}`, `#/components/schemas/microsoft.graph.${child}`]),
        ),
      };
    }
    components[`microsoft.graph.${name}`] = schema;
  }
  for (const name of names.slice(0, 600)) {
    components[`microsoft.graph.${name}CollectionResponse`] = {
      title: `Collection of ${name}`,
      type: 'object',
      properties: { value: { type: 'array', items: ref(name) }, '@odata.nextLink': { type: 'string', nullable: true } },
    };
  }
  components['microsoft.graph.ODataErrors.ODataError'] = {
    required: ['error'],
    type: 'object',
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: { code: { type: 'string' }, message: { type: 'string' } },
      },
    },
  };

  const odata = {
    top: {
      name: '$top',
      in: 'query',
      description: 'Show only the first n items',
      style: 'form',
      explode: false,
      schema: { minimum: 0, type: 'integer' },
      example: 50,
    },
    skip: {
      name: '$skip',
      in: 'query',
      description: 'Skip the first n items',
      style: 'form',
      explode: false,
      schema: { minimum: 0, type: 'integer' },
    },
    search: {
      name: '$search',
      in: 'query',
      description: 'Search items by search phrases',
      style: 'form',
      explode: false,
      schema: { type: 'string' },
    },
    filter: {
      name: '$filter',
      in: 'query',
      description: 'Filter items by property values',
      style: 'form',
      explode: false,
      schema: { type: 'string' },
    },
    count: {
      name: '$count',
      in: 'query',
      description: 'Include count of items',
      style: 'form',
      explode: false,
      schema: { type: 'boolean' },
    },
  };
  const errors = { '4XX': { $ref: '#/components/responses/error' }, '5XX': { $ref: '#/components/responses/error' } };
  const paths: Record<string, Record<string, unknown>> = {};
  let ops = 0;
  const collections = names.slice(0, 600);
  const tops = WORDS.slice(0, 60).map((word) => `${word}s`);
  outer: for (const top of tops) {
    const topItem = `${top.slice(0, -1)}-id`;
    for (let i = 0; i < 40; i++) {
      const entity = pick(collections);
      const segment = `${entity}s`;
      const base = i === 0 ? `/${top}` : `/${top}/{${topItem}}/${segment}`;
      const item = `${entity}-id`;
      const group = i === 0 ? top : `${top}.${segment}`;
      const pathParams = (...params: string[]) =>
        params.map((name) => ({
          name,
          in: 'path',
          required: true,
          description: `The unique identifier of ${name.replace(/-id$/, '')}`,
          schema: { type: 'string' },
          'x-ms-docs-key-type': name.replace(/-id$/, ''),
        }));
      const outerParams = i === 0 ? [] : pathParams(topItem);
      const select = {
        name: '$select',
        in: 'query',
        description: 'Select properties to be returned',
        style: 'form',
        explode: false,
        schema: { uniqueItems: true, type: 'array', items: { type: 'string' } },
      };
      const expand = {
        name: '$expand',
        in: 'query',
        description: 'Expand related entities',
        style: 'form',
        explode: false,
        schema: { uniqueItems: true, type: 'array', items: { type: 'string' } },
      };
      paths[base] = {
        description: `Provides operations to manage the ${segment} property.`,
        get: {
          tags: [group],
          summary: `List ${segment}`,
          operationId: `${group}.List${entity}`,
          parameters: [odata.top, odata.skip, odata.search, odata.filter, odata.count, select, expand],
          responses: {
            '200': { $ref: `#/components/responses/microsoft.graph.${entity}CollectionResponse` },
            ...errors,
          },
          'x-ms-pageable': { nextLinkName: '@odata.nextLink', operationName: 'listMore' },
        },
        post: {
          tags: [group],
          summary: `Create new navigation property to ${segment}`,
          operationId: `${group}.Create${entity}`,
          requestBody: {
            description: 'New navigation property',
            content: { 'application/json': { schema: ref(entity) } },
            required: true,
          },
          responses: {
            '201': {
              description: 'Created navigation property.',
              content: { 'application/json': { schema: ref(entity) } },
            },
            ...errors,
          },
        },
        parameters: outerParams,
      };
      ops += 2;
      const itemPath = `${base}/{${item}}`;
      const entry: Record<string, unknown> = {
        description: `Provides operations to manage the ${segment} property.`,
        parameters: [...outerParams, ...pathParams(item)],
      };
      for (const verb of VERBS) {
        const method = verb === 'Get' ? 'get' : verb === 'Update' ? 'patch' : 'delete';
        entry[method] = {
          tags: [group],
          summary: `${verb} ${entity}`,
          operationId: `${group}.${verb}${entity}`,
          ...(method === 'get' ? { parameters: [select, expand] } : {}),
          ...(method === 'patch'
            ? { requestBody: { content: { 'application/json': { schema: ref(entity) } }, required: true } }
            : {}),
          ...(method === 'delete'
            ? { parameters: [{ name: 'If-Match', in: 'header', description: 'ETag', schema: { type: 'string' } }] }
            : {}),
          responses:
            method === 'delete'
              ? { '204': { description: 'Success' }, ...errors }
              : {
                  '200': {
                    description: 'Retrieved navigation property',
                    content: { 'application/json': { schema: ref(entity) } },
                  },
                  ...errors,
                },
        };
        ops++;
      }
      paths[itemPath] = entry;
      // Actions and functions bound to the item, and $count, as Graph has them.
      for (const action of ['restore', 'checkMemberGroups', 'getMemberObjects']) {
        paths[`${itemPath}/microsoft.graph.${action}`] = {
          description: 'Provides operations to call the action.',
          post: {
            tags: [group],
            summary: `Invoke action ${action}`,
            operationId: `${group}.${entity}.${action}`,
            requestBody: {
              content: {
                'application/json': {
                  schema: { type: 'object', properties: { ids: { type: 'array', items: { type: 'string' } } } },
                },
              },
              required: true,
            },
            responses: {
              '200': {
                description: 'Success',
                content: {
                  'application/json': { schema: { anyOf: [ref(entity), { type: 'object', nullable: true }] } },
                },
              },
              ...errors,
            },
            'x-ms-docs-operation-type': 'action',
          },
          parameters: [...outerParams, ...pathParams(item)],
        };
        ops++;
      }
      paths[`${base}/$count`] = {
        get: {
          tags: [group],
          summary: 'Get the number of the resource',
          operationId: `${group}.${entity}.GetCount`,
          parameters: [odata.search, odata.filter],
          responses: { '200': { $ref: '#/components/responses/ODataCountResponse' }, ...errors },
        },
        parameters: outerParams,
      };
      ops++;
      if (ops >= operations) break outer;
    }
  }
  const responses: Record<string, unknown> = {
    error: {
      description: 'error',
      content: {
        'application/json': { schema: { $ref: '#/components/schemas/microsoft.graph.ODataErrors.ODataError' } },
      },
    },
    ODataCountResponse: {
      description: 'The count of the resource',
      content: { 'text/plain': { schema: { type: 'integer', format: 'int32' } } },
    },
  };
  for (const name of collections) {
    responses[`microsoft.graph.${name}CollectionResponse`] = {
      description: 'Retrieved collection',
      content: {
        'application/json': { schema: { $ref: `#/components/schemas/microsoft.graph.${name}CollectionResponse` } },
      },
    };
  }
  return {
    openapi: '3.0.4',
    info: {
      title: 'Graph synthetic',
      version: 'v1.0',
      description: 'A synthetic document in the shape of Microsoft Graph.',
    },
    servers: [{ url: 'https://graph.microsoft.com/v1.0/', description: 'Core' }],
    paths,
    components: {
      schemas: components,
      responses,
      securitySchemes: {
        azureaadv2: {
          type: 'oauth2',
          flows: {
            authorizationCode: {
              authorizationUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
              tokenUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
              scopes: {},
            },
          },
        },
      },
    },
    security: [{ azureaadv2: [] }],
  };
}

// `tsx bench/graph-spec.ts <out.json> [schemas] [operations]` writes the document.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').at(-1)!)) {
  const { writeFile } = await import('node:fs/promises');
  const [schemas, wanted] = [process.argv[3], process.argv[4]].map((arg) => (arg ? Number(arg) : undefined));
  const document = graphSpec({ ...(schemas ? { schemas } : {}), ...(wanted ? { operations: wanted } : {}) });
  const text = JSON.stringify(document);
  await writeFile(process.argv[2] ?? 'graph.json', text);
  const operations = Object.values(document['paths'] as Record<string, Record<string, unknown>>).reduce(
    (n, item) => n + ['get', 'put', 'post', 'patch', 'delete'].filter((m) => item[m]).length,
    0,
  );
  process.stderr.write(
    `${(text.length / 1e6).toFixed(1)} MB, ${operations} operations, ${Object.keys((document['components'] as { schemas: object }).schemas).length} schemas\n`,
  );
}
