import { allMethods, allResources } from '../model/build-model.js';
import type { Method, Resource, SdkModel } from '../model/types.js';
import { exampleArguments } from './examples.js';
import { paramsArgumentName } from './resources.js';
import type { OutputFile } from './source.js';

/** `README.md`: install, configure, one example per resource, errors. */
export function emitReadme(model: SdkModel): OutputFile {
  const client = model.clientName;
  const methods = allMethods(model.resources);
  // The headline example: creating something reads best, then any call with a body, then the first call.
  const first = methods.find((method) => method.name === 'create') ?? methods.find((method) => method.httpMethod === 'post') ?? methods[0];
  const firstResource = first ? allResources(model.resources).find((resource) => resource.methods.includes(first)) : undefined;
  const lines = [
    `# ${model.packageName}`,
    '',
    `TypeScript client for the ${model.title} (API version ${model.apiVersion}), generated from \`${model.specFile}\`.`,
    '',
    ...(model.description ? [oneParagraph(model.description), ''] : []),
    '## Install',
    '',
    '```sh',
    `npm install ${model.packageName}`,
    '```',
    '',
    '## Usage',
    '',
    '```ts',
    `import ${client} from '${model.packageName}';`,
    '',
    `const client = new ${client}({ apiKey: process.env['${model.envPrefix}_API_KEY'] }); // the default, may be omitted`,
    ...(first && firstResource ? ['', `${awaitCall(model, firstResource, first)}`, ...(first.responseTypeName ? ['console.log(result);'] : [])] : []),
    '```',
    '',
    '## Options',
    '',
    '| option | default | |',
    '|---|---|---|',
    ...credentialRows(model),
    `| \`baseURL\` | \`process.env['${model.envPrefix}_BASE_URL']\`, then \`${model.defaultBaseURL}\` | |`,
    '| `timeout` | `60000` | milliseconds per attempt |',
    '| `maxRetries` | `2` | retries of connection errors, timeouts, 408, 409, 429 and 5xx, with exponential backoff |',
    '| `fetch`, `fetchOptions` | `globalThis.fetch` | a custom `fetch`, and extra `RequestInit` for every request |',
    '| `defaultHeaders`, `defaultQuery` | | sent with every request; a `null` header removes one |',
    `| \`logLevel\` | \`process.env['${model.envPrefix}_LOG']\`, then \`warn\` | \`off\`, \`error\`, \`warn\`, \`info\`, \`debug\`; secrets are masked |`,
    '| `logger` | `console` | |',
    '',
    `Every method takes a last \`options\` argument with per-request \`timeout\`, \`maxRetries\`, \`headers\`, \`query\`, \`signal\`${model.idempotencyHeader ? ` and \`idempotencyKey\` (sent as \`${model.idempotencyHeader}\`; one is generated per call and reused by its retries)` : ''}.`,
    '`client.withOptions({ ... })` returns a copy of the client with some options changed.',
    '',
    ...paginationSection(model),
    ...uploadsSection(model),
    '## Examples',
    '',
    ...allResources(model.resources)
      .filter((resource) => resource.methods.length > 0)
      .flatMap((resource) => {
        const method = resource.methods[0]!;
        return [`### \`client.${resource.chain.join('.')}\``, '', '```ts', awaitCall(model, resource, method), '```', ''];
      }),
    '## Responses and errors',
    '',
    'Methods return an `APIPromise`: `await` it for the parsed body, `.withResponse()` for `{ data, response }`, `.asResponse()` for the raw `Response`.',
    `A non-success status throws an \`APIError\` subclass (\`${client}Error\` is the base of all errors) with \`status\`, \`headers\` and the parsed \`error\` body:`,
    '',
    '```ts',
    `import { APIError, NotFoundError } from '${model.packageName}';`,
    '',
    'try {',
    `  // ...`,
    '} catch (err) {',
    '  if (err instanceof NotFoundError) console.log(err.status, err.error);',
    '  else throw err;',
    '}',
    '```',
    '',
    'Every method, with its HTTP route, and every type is listed in [api.md](api.md).',
    '',
  ];
  return { path: 'README.md', text: lines.join('\n') };
}

/** `api.md`: every method with its verb and path, and every exported type. A review aid: it changes when the surface does. */
export function emitApiMd(model: SdkModel): OutputFile {
  const lines = [`# ${model.clientName}`, '', `Generated from \`${model.specFile}\`.`, ''];
  for (const resource of allResources(model.resources)) {
    lines.push(`## ${resource.chain.join('.')}`, '');
    const types = resource.methods.flatMap((method) => [method.paramsTypeName, method.responseTypeName]).filter((name): name is string => !!name);
    if (types.length > 0) lines.push('Types:', '', ...types.map((name) => `- <code><a href="./src/resources/${resource.modulePath}.ts">${name}</a></code>`), '');
    if (resource.methods.length > 0) {
      lines.push('Methods:', '');
      for (const method of resource.methods) lines.push(`- <code title="${method.httpMethod} ${escapeHTML(method.path)}">client.${resource.chain.join('.')}.<a href="./src/resources/${resource.modulePath}.ts">${method.name}</a>(${escapeHTML(signature(method))}) -> ${method.responseTypeName ?? 'void'}</code>${method.deprecated ? ' (deprecated)' : ''}`);
      lines.push('');
    }
  }
  if (model.models.length > 0) {
    lines.push('## Models', '', ...model.models.map((named) => `- <code><a href="./src/models.ts">${named.typeName}</a></code>`), '');
  }
  return { path: 'api.md', text: lines.join('\n') };
}

function credentialRows(model: SdkModel): string[] {
  const schemes = Object.values(model.securitySchemes);
  const env = (name: string): string => `\`process.env['${model.envPrefix}_${name}']\``;
  const rows: string[] = [];
  if (schemes.some((scheme) => scheme.type !== 'basic')) {
    const where = schemes.map((scheme) => (scheme.type === 'apiKey' ? `the \`${scheme.name}\` ${scheme.in === 'header' ? 'header' : scheme.in === 'query' ? 'query parameter' : 'cookie'}` : scheme.type === 'basic' ? undefined : '`Authorization: Bearer <apiKey>`')).filter(Boolean);
    rows.push(`| \`apiKey\` | ${env('API_KEY')} | sent as ${[...new Set(where)].join(' or ')} |`);
  }
  if (schemes.some((scheme) => scheme.type === 'oauth2' && scheme.tokenUrl)) {
    rows.push(`| \`clientID\`, \`clientSecret\` | ${env('CLIENT_ID')}, ${env('CLIENT_SECRET')} | OAuth 2.0 client credentials: the client fetches, caches and refreshes access tokens |`);
  }
  if (schemes.some((scheme) => scheme.type === 'basic')) rows.push(`| \`username\`, \`password\` | ${env('USERNAME')}, ${env('PASSWORD')} | HTTP Basic |`);
  return rows;
}

function paginationSection(model: SdkModel): string[] {
  const resource = allResources(model.resources).find((candidate) => candidate.methods.some((method) => method.pagination));
  const method = resource?.methods.find((candidate) => candidate.pagination);
  if (!resource || !method) return [];
  const call = `client.${resource.chain.join('.')}.${method.name}()`;
  return [
    '## Pagination',
    '',
    'List methods return a page; `for await` walks every item of every page, fetching the next page only when needed:',
    '',
    '```ts',
    `for await (const item of ${call}) {`,
    '  console.log(item);',
    '}',
    '',
    `const page = await ${call};`,
    'console.log(page.data, page.hasNextPage());',
    'if (page.hasNextPage()) await page.getNextPage();',
    '```',
    '',
  ];
}

function uploadsSection(model: SdkModel): string[] {
  const methods = allMethods(model.resources);
  const lines: string[] = [];
  if (methods.some((method) => method.body?.encoding === 'multipart' || method.body?.encoding === 'binary')) {
    lines.push(
      '## File uploads',
      '',
      'Binary fields take a `File` or `Blob`; `toFile()` makes one from a `Buffer`, a stream (`fs.createReadStream(path)`), a `Response` or any async iterable of bytes:',
      '',
      '```ts',
      `import { toFile } from '${model.packageName}';`,
      '',
      "const file = await toFile(fs.createReadStream('report.pdf'));",
      '```',
      '',
    );
  }
  if (methods.some((method) => method.response.kind === 'sse')) {
    lines.push('## Streaming', '', 'Methods whose response is `text/event-stream` resolve to a `Stream`: iterate it with `for await` to get each event\'s data, parsed from JSON; `stream.abort()` stops early.', '');
  }
  return lines;
}

function signature(method: Method): string {
  const args = method.pathParams.map((param) => param.variable);
  if (method.paramsTypeName) args.push(`${paramsArgumentName(method)}${method.paramsRequired ? '' : '?'}`);
  return args.join(', ');
}

/** `const result = await client.x.y(...);`, or just `await ...;` for a method that resolves to nothing. */
function awaitCall(model: SdkModel, resource: Resource, method: Method): string {
  const call = `await ${exampleCall(model, resource, method, 'required')};`;
  return method.responseTypeName ? `const result = ${call}` : call;
}

function exampleCall(model: SdkModel, resource: Resource, method: Method, mode: 'required' | 'all'): string {
  return `client.${resource.chain.join('.')}.${method.name}(${exampleArguments(model, method, mode).join(', ')})`;
}

function escapeHTML(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function oneParagraph(text: string): string {
  return text.split(/\n\s*\n/)[0]!.trim();
}
