import {
  markdownCode,
  markdownCodeBlock,
  markdownInline,
  markdownTableCell,
  markdownText,
  propertyKey,
  stringLiteral,
} from '../core/escape.js';
import { allMethods, allResources, takesFiles } from '../model/build-model.js';
import type { Method, Resource, SdkModel } from '../model/types.js';
import { coreClientName, hasAPIKeyOption, staticResourceClasses } from './client.js';
import { exampleArguments } from './examples.js';
import { mcpReadme } from './mcp.js';
import { literal, type OutputFile } from './source.js';
import { pathParamType } from './type-expressions.js';
import { webhooksReadme } from './webhooks.js';

/**
 * `README.md` of the generated package, with the sections users of the official SDKs know. Every ```ts block is
 * compiled in a test, each as its own module: blocks that do not create a client get one from a prelude.
 */
export function emitReadme(model: SdkModel): OutputFile {
  const sections = [
    intro(model),
    requirements(),
    usage(model),
    examples(model),
    parameters(model),
    options(model),
    errors(model),
    retriesAndTimeouts(model),
    pagination(model),
    uploads(model),
    streaming(model),
    webhooksReadme(model, ts),
    mcpReadme(model, markdownCodeBlock),
    rawResponses(model),
    logging(model),
    customFetch(model),
    undocumented(model),
    oauth(model),
    modules(model),
    semver(),
    faq(model),
    ['Every method, with its HTTP route, and every type is listed in [api.md](api.md).'],
  ];
  const text = sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n');
  return { path: 'README.md', text: `${noHtmlOutsideCode(text.split('\n')).join('\n')}\n` };
}

/**
 * The last line of defence: every insertion above is escaped for where it lands, and this pass makes sure, for any
 * one missed or added later, that no `<` outside a code span or fenced block can open HTML (`markdownText` over each
 * prose line; idempotent on text that was escaped already). Fenced blocks are code, shown as written.
 */
function noHtmlOutsideCode(lines: readonly string[]): string[] {
  let fence: string | undefined;
  return lines.map((line) => {
    if (fence === undefined) {
      const open = /^(`{3,})/.exec(line)?.[1];
      if (open) {
        fence = open;
        return line;
      }
      return markdownText(line);
    }
    if (line === fence) fence = undefined;
    return line;
  });
}

const ts = (...lines: string[]): string[] => markdownCodeBlock('ts', lines);

interface Call {
  resource: Resource;
  method: Method;
}

/** Every method a README example can show: not those no call of which can compile (see `Method.noValidInput`). */
function calls(model: SdkModel): Call[] {
  return allResources(model.resources).flatMap((resource) =>
    resource.methods.filter((method) => !method.noValidInput).map((method) => ({ resource, method })),
  );
}

function callText({ resource, method }: Call, mode: 'required' | 'all' = 'required'): string {
  return `client.${resource.chain.join('.')}.${method.name}(${exampleArguments(method, mode).join(', ')})`;
}

/**
 * A call with a last `options` argument; an omitted optional params object becomes `{}` where that is a value of its
 * type, else `undefined` (an optional body whose fields are required, or one that is not an object: `{}` is neither).
 */
function callWithOptions(call: Call, optionsText: string): string {
  const args = exampleArguments(call.method, 'required');
  // A positional body (`update(key, body, params)`) comes before the params: an omitted optional one is `undefined`.
  const { body } = call.method;
  const positionalBody = body?.positional === true;
  if (positionalBody && args.length === call.method.positionalPathParams.length) args.push('undefined');
  if (
    call.method.paramsTypeName &&
    args.length === call.method.positionalPathParams.length + (positionalBody ? 1 : 0)
  ) {
    const emptyFits = !body || positionalBody || (body.inline === true && !body.hasRequiredMembers);
    args.push(emptyFits ? '{}' : 'undefined');
  }
  return `client.${call.resource.chain.join('.')}.${call.method.name}(${[...args, optionsText].join(', ')})`;
}

/** `const result = await ...;`, or just `await ...;` for a method that resolves to nothing. */
function awaitLine(call: Call, name = 'result'): string {
  return `${call.method.responseTypeName ? `const ${name} = ` : ''}await ${callText(call)};`;
}

function headline(model: SdkModel): Call | undefined {
  const all = calls(model);
  return (
    all.find((call) => call.method.name === 'create') ?? all.find((call) => call.method.httpMethod === 'post') ?? all[0]
  );
}

function intro(model: SdkModel): string[] {
  return [
    `# ${model.packageName}`,
    '',
    `TypeScript client for the ${markdownInline(model.title)} (API version ${markdownInline(model.apiVersion)}), generated from ${markdownCode(model.specFile)}.`,
    ...(model.description ? ['', markdownText(model.description.split(/\n\s*\n/)[0]!.trim())] : []),
    '',
    '## Install',
    '',
    '```sh',
    `npm install ${model.packageName}`,
    '```',
  ];
}

function usage(model: SdkModel): string[] {
  const call = headline(model);
  return [
    '## Usage',
    '',
    ...ts(
      `import ${model.clientName} from ${stringLiteral(model.packageName)};`,
      '',
      clientConstruction(model),
      ...(call ? ['', awaitLine(call), ...(call.method.responseTypeName ? ['console.log(result);'] : [])] : []),
    ),
  ];
}

/**
 * `const client = new Client(...)` with the credential options the client has, each from its environment variable as
 * the client would read it: `apiKey` where a scheme takes a key or token, `username` and `password` for HTTP Basic
 * only. A spec without security gets `new Client()`: its client has no credential option to show.
 */
function clientConstruction(model: SdkModel): string {
  const schemes = Object.values(model.securitySchemes);
  const fromEnv = (option: string, variable: string): string =>
    `${option}: process.env[${stringLiteral(`${model.envPrefix}_${variable}`)}]`;
  const options = hasAPIKeyOption(model)
    ? [`${model.keyOption.name}: process.env[${stringLiteral(model.keyOption.env)}]`]
    : schemes.some((scheme) => scheme.type === 'basic')
      ? [fromEnv('username', 'USERNAME'), fromEnv('password', 'PASSWORD')]
      : [];
  if (options.length === 0) return `const client = new ${model.clientName}();`;
  return `const client = new ${model.clientName}({ ${options.join(', ')} }); // the default, may be omitted`;
}

function examples(model: SdkModel): string[] {
  const lines = ['## Examples'];
  for (const resource of allResources(model.resources)) {
    const method = resource.methods.find((candidate) => !candidate.noValidInput);
    if (method)
      lines.push('', `### \`client.${resource.chain.join('.')}\``, '', ...ts(awaitLine({ resource, method })));
  }
  return lines;
}

function options(model: SdkModel): string[] {
  const schemes = Object.values(model.securitySchemes);
  const env = (name: string): string => `\`process.env['${model.envPrefix}_${name}']\``;
  const rows: string[][] = [];
  if (hasAPIKeyOption(model)) {
    const where = schemes.flatMap((scheme) =>
      scheme.type === 'apiKey'
        ? [`the ${markdownCode(scheme.name)} ${scheme.in === 'query' ? 'query parameter' : scheme.in}`]
        : scheme.type === 'basic'
          ? []
          : [`\`Authorization: Bearer <${model.keyOption.name}>\``],
    );
    rows.push([
      markdownCode(model.keyOption.name),
      `\`process.env['${model.keyOption.env}']\``,
      `sent as ${[...new Set(where)].join(' or ')}`,
    ]);
  }
  // Schemes with a key of their own: each sent only to the operations whose security names it.
  for (const [scheme, { option, env: variable }] of Object.entries(model.schemeKeyOptions))
    rows.push([
      markdownCode(option),
      env(variable),
      `the ${markdownCode(scheme)} scheme's key, sent only where an operation names it`,
    ]);
  if (hasClientCredentials(model))
    rows.push([
      '`clientID`, `clientSecret`',
      `${env('CLIENT_ID')}, ${env('CLIENT_SECRET')}`,
      'OAuth 2.0 client credentials (see below)',
    ]);
  if (schemes.some((scheme) => scheme.type === 'basic'))
    rows.push(['`username`, `password`', `${env('USERNAME')}, ${env('PASSWORD')}`, 'HTTP Basic']);
  return [
    '## Options',
    '',
    ...table(
      ['option', 'default', ''],
      [
        ...rows,
        [
          '`baseURL`',
          `${env('BASE_URL')}, then ${markdownCode(model.defaultBaseURL)}`,
          `\`null\`: ${markdownCode(model.defaultBaseURL)} whatever the environment says`,
        ],
        ...(model.environments.length > 0
          ? [
              [
                '`environment`',
                markdownCode(model.environments[0]!.name),
                `a server by name: ${model.environments.map(({ name, url }) => `${markdownCode(name)} (${markdownCode(url)})`).join(', ')}; not with \`baseURL\` or ${env('BASE_URL')}`,
              ],
            ]
          : []),
        ['`timeout`', '`60000`', 'milliseconds per attempt, response body included'],
        ['`maxRetries`', '`2`', ''],
        [
          '`fetch`, `fetchOptions`',
          '`globalThis.fetch`',
          'a custom `fetch`, and extra `RequestInit` for every request',
        ],
        [
          '`defaultHeaders`, `defaultQuery`',
          `headers: ${env('CUSTOM_HEADERS')} (\`Name: value\` lines) under them`,
          'sent with every request; a `null` header removes one',
        ],
        ['`logLevel`', `${env('LOG')}, then \`warn\``, '`off`, `error`, `warn`, `info`, `debug`'],
        ['`logger`', '`console`', ''],
        [
          '`maxResponseSize`',
          '`104857600` (100 MB)',
          'bytes a JSON or text body may have, checked as it streams; downloads and `asResponse()` are not bounded',
        ],
        ...(calls(model).some(
          (call) => call.method.pagination?.kind === 'next-url' || call.method.pagination?.kind === 'link-header',
        )
          ? [
              [
                '`followCrossOriginPages`',
                '`false`',
                'follow next-page links to another origin, without credentials (else an error)',
              ],
            ]
          : []),
      ],
    ),
    '',
    `Every method takes a last \`options\` argument; each field overrides what the method would send: \`path\` and \`method\` (send elsewhere), \`query\` (merged over the method's, \`undefined\` removes a key), \`body\` (replaces it), \`headers\` (merged, \`null\` removes one), \`signal\`, \`timeout\`, \`maxRetries\`, \`idempotencyKey\` (sent as \`${model.idempotencyHeader ?? 'Idempotency-Key'}\`${model.idempotencyHeader ? '; one is generated per call and reused by its retries' : ''}) and \`fetchOptions\` (extra \`RequestInit\` fields). \`client.withOptions({ ... })\` returns a copy of the client with some options changed, starting from its current \`baseURL\`, \`timeout\`, \`maxRetries\`${hasAPIKeyOption(model) ? `, \`logLevel\` and \`${model.keyOption.name}\`` : ' and `logLevel`'}, which are readable and writable properties.`,
    '',
    ...ts(
      'const copy = client.withOptions({ maxRetries: 5 });',
      'console.log(copy.baseURL, copy.timeout, copy.maxRetries, copy.logLevel);',
    ),
    '',
    '### Undocumented endpoints',
    '',
    'Endpoints the SDK has no method for are reachable with `client.get`, `client.post`, `client.put`, `client.patch` and `client.delete`: the same auth, retries, errors and `withResponse()` as every method. A `body` is sent as JSON.',
    '',
    ...ts(
      "const found = await client.get<{ data: unknown[] }>('/some/undocumented/path', { query: { 'page[size]': 5 } });",
      "const created = await client.post('/some/undocumented/path', { body: { name: 'x' }, headers: { 'x-extra': '1' } });",
      'console.log(found.data, created);',
    ),
  ];
}

function errors(model: SdkModel): string[] {
  const call = calls(model).find((candidate) => candidate.method.pathParams.length > 0) ?? headline(model);
  return [
    '## Handling errors',
    '',
    `A non-success status throws an \`APIError\` subclass with \`status\`, \`headers\` and the parsed \`error\` body; its message carries the API's own error text. A request that never got a response throws \`APIConnectionError\` (\`APIConnectionTimeoutError\` on a timeout). All of them extend \`${model.clientName}Error\`. Credentials are masked wherever an error can be shown (message, stack, \`error\`, \`headers\`, \`console.log(err)\`, \`JSON.stringify(err)\`); \`err.rawError\` and \`err.rawHeaders\` give what the API sent, on purpose.`,
    '',
    ...table(
      ['status', 'error'],
      [
        ['400', '`BadRequestError`'],
        ['401', '`AuthenticationError`'],
        ['403', '`PermissionDeniedError`'],
        ['404', '`NotFoundError`'],
        ['409', '`ConflictError`'],
        ['422', '`UnprocessableEntityError`'],
        ['429', '`RateLimitError`'],
        ['>= 500', '`InternalServerError`'],
      ],
    ),
    '',
    ...ts(
      `import { APIError, NotFoundError } from ${stringLiteral(model.packageName)};`,
      '',
      'try {',
      `  ${call ? `await ${callText(call)};` : '// a call'}`,
      '} catch (err) {',
      "  if (err instanceof NotFoundError) console.log('not found', err.error);",
      '  else if (err instanceof APIError) console.log(err.status, err.message);',
      '  else throw err;',
      '}',
    ),
  ];
}

function retriesAndTimeouts(model: SdkModel): string[] {
  const call = headline(model);
  return [
    '## Retries',
    '',
    'Failed requests are retried twice by default, with exponential backoff (0.5 s, 1 s, ... up to 8 s, with jitter). `retry-after` and `retry-after-ms` headers are honoured, and so is `x-should-retry`. Every attempt carries `x-stainless-retry-count` (0 first; set it in `headers` to override it, or to `null` to leave it out).',
    '',
    '- 408, 409, 429 and 5xx responses are retried for every method: the server answered, and says with `x-should-retry` whether to try again.',
    ...resendRules(model),
    '',
    ...ts(
      `const client = new ${model.clientName}({ maxRetries: 0 }); // default is 2`,
      ...(call ? ['', `// or per request:`, `await ${callWithOptions(call, '{ maxRetries: 5 }')};`] : []),
    ),
    '',
    '## Timeouts',
    '',
    'Each attempt times out after 60 seconds by default, the whole response included: a body that stops arriving ends in `APIConnectionTimeoutError` too (server-sent event streams and `.asResponse()` bodies, which you read yourself, are bounded by the headers only). Pass an `AbortSignal` as `signal` to cancel a request yourself; a cancelled request is never retried.',
    '',
    ...ts(
      `const client = new ${model.clientName}({ timeout: 20 * 1000 });`,
      ...(call
        ? [
            '',
            'const controller = new AbortController();',
            'setTimeout(() => controller.abort(), 1000);',
            `await ${callWithOptions(call, '{ timeout: 5 * 1000, signal: controller.signal }')};`,
          ]
        : []),
    ),
  ];
}

/**
 * Which methods are resent after a connection error or a timeout, when the request may have reached the server: those
 * that are idempotent (RFC 9110) or carry an idempotency key. The official SDKs send a key on every non-GET request
 * of an API that takes one; an API without one gets its POST and PATCH calls sent once, so nothing is applied twice.
 */
function resendRules(model: SdkModel): string[] {
  const idempotent =
    'GET, HEAD, PUT and DELETE requests are retried after a connection error or a timeout (they are idempotent); so is any request whose connection was refused (nothing was sent).';
  if (model.idempotencyHeader) {
    return [
      `- ${idempotent} Other methods carry an \`${model.idempotencyHeader}\` header (one key per call, the same on every retry), so the API applies them once, and they are retried too.`,
    ];
  }
  const unsafe = allResources(model.resources).flatMap((resource) =>
    resource.methods
      .filter((method) => method.httpMethod === 'post' || method.httpMethod === 'patch')
      .map((method) => ({
        name: `${resource.chain.join('.')}.${method.name}`,
        keyed: method.headerParams.some((param) => /^idempotency[-_]key$/i.test(param.name)),
      })),
  );
  const keyed = unsafe.filter((method) => method.keyed).map((method) => `\`${method.name}\``);
  const once = unsafe.filter((method) => !method.keyed).map((method) => `\`${method.name}\``);
  const list = (names: string[]): string =>
    names.length > 8 ? `${names.slice(0, 8).join(', ')} and ${names.length - 8} more` : names.join(', ');
  return [
    `- ${idempotent}`,
    ...(keyed.length > 0
      ? [
          `- Methods that take an \`Idempotency-Key\` header get one generated per call (or pass \`idempotencyKey\`), reused by their retries, and are retried too: ${list(keyed)}.`,
        ]
      : []),
    ...(once.length > 0
      ? [
          `- POST and PATCH methods without an idempotency key are not resent after a connection error or a timeout, since the API may have applied them: ${list(once)}. If the API honours an \`Idempotency-Key\` header, pass \`idempotencyKey\` and the call is sent with it and retried.`,
        ]
      : []),
  ];
}

function pagination(model: SdkModel): string[] {
  const call = calls(model).find((candidate) => candidate.method.pagination);
  if (!call) return [];
  const text = callText(call);
  return [
    '## Auto-pagination',
    '',
    'List methods resolve to a page with `data`, `hasNextPage()`, `getNextPage()` and `iterPages()`. `for await` walks every item of every page, fetching the next page only when it is needed:',
    '',
    ...ts(
      `for await (const item of ${text}) {`,
      '  console.log(item);',
      '}',
      '',
      `let page = await ${text};`,
      'console.log(page.data);',
      'while (page.hasNextPage()) {',
      '  page = await page.getNextPage();',
      '}',
    ),
  ];
}

function uploads(model: SdkModel): string[] {
  if (!takesFiles(model.resources)) return [];
  return [
    '## File uploads',
    '',
    "Binary bodies and file fields take a `File` or `Blob`, bytes (`Buffer`, `Uint8Array`, `ArrayBuffer`), a web `ReadableStream`, a Node stream such as `fs.createReadStream(path)`, any async iterable of bytes, or a `Response`. A binary body is streamed as it is read (`duplex: 'half'`; in browsers, which stream uploads only over HTTP/2, it is read first); a file field of a multipart body is read into a `File`, named after the stream's path. `toFile()` makes a `File` yourself, with a name and type:",
    '',
    ...ts(
      `import fs from 'node:fs';`,
      `import { toFile } from ${stringLiteral(model.packageName)};`,
      '',
      "const file = await toFile(fs.createReadStream('report.pdf'));",
      "const fromBytes = await toFile(Buffer.from('my bytes'), 'file.txt');",
    ),
  ];
}

function streaming(model: SdkModel): string[] {
  const call = calls(model).find((candidate) => candidate.method.response.kind === 'sse');
  if (!call) return [];
  return [
    '## Streaming',
    '',
    "Methods whose response is `text/event-stream` resolve to a `Stream`: `for await` gives each event's data, parsed from JSON; `stream.abort()` stops early.",
    '',
    ...ts(
      `const stream = await ${callText(call)};`,
      'for await (const event of stream) {',
      '  console.log(event);',
      '}',
    ),
  ];
}

function rawResponses(model: SdkModel): string[] {
  const call = headline(model);
  if (!call) return [];
  return [
    '## Raw responses',
    '',
    'Every method returns an `APIPromise`: `await` it for the parsed body, call `.withResponse()` for the body and the `Response` together, or `.asResponse()` for the `Response` alone, its body unread.',
    '',
    ...ts(
      `const { data, response } = await ${callText(call)}.withResponse();`,
      "console.log(response.status, response.headers.get('content-type'), data);",
      '',
      `const raw = await ${callText(call)}.asResponse();`,
      'console.log(raw.status);',
    ),
  ];
}

function logging(model: SdkModel): string[] {
  return [
    '## Logging',
    '',
    `Set \`logLevel\` (or \`${model.envPrefix}_LOG\`) to \`debug\`, \`info\`, \`warn\` (the default), \`error\` or \`off\`. \`info\` logs each request's method, URL, status, attempt and duration; \`debug\` adds headers and bodies. Credentials (\`Authorization\`, API keys in headers, query or cookies, \`client_secret\`, OAuth tokens, passwords, \`user:password\` in \`baseURL\` and fields the spec marks \`writeOnly\`) are always masked, in logs and in error messages. Pass \`logger\` to send logs elsewhere than \`console\`:`,
    '',
    ...ts(`const client = new ${model.clientName}({ logLevel: 'debug', logger: console });`),
  ];
}

function customFetch(model: SdkModel): string[] {
  return [
    '## Custom fetch',
    '',
    "Pass `fetch` to route requests through your own implementation (proxies, tracing, tests); it is called as `fetch(url, init)` with a URL string and a `RequestInit`, as `globalThis.fetch` is, with `redirect: 'manual'`: the SDK follows redirects itself (20 at most), and never sends credentials to another origin. `fetchOptions` adds `RequestInit` fields to every request:",
    '',
    ...ts(
      `const client = new ${model.clientName}({`,
      '  fetch: async (url, init) => {',
      "    console.log('sending', init.method, url);",
      '    return fetch(url, init);',
      '  },',
      '  fetchOptions: { keepalive: true },',
      '});',
    ),
    '',
    '### Proxies',
    '',
    "Requests go through the runtime's own `fetch`, so a proxy is set the runtime's way, through `fetchOptions` (these fields are not in the DOM's `RequestInit` type, hence the `as RequestInit`):",
    '',
    "- Node.js: its `fetch` is undici's; pass undici's `ProxyAgent` (`npm install undici`): `fetchOptions: { dispatcher: new ProxyAgent('http://localhost:8888') } as RequestInit`.",
    "- Bun: `fetchOptions: { proxy: 'http://localhost:8888' } as RequestInit`.",
    "- Deno: `fetchOptions: { client: Deno.createHttpClient({ proxy: { url: 'http://localhost:8888' } }) } as RequestInit`.",
  ];
}

function requirements(): string[] {
  return [
    '## Requirements',
    '',
    'TypeScript: code using this package is tested with TypeScript 5.9 (`strict`, `moduleResolution: nodenext`), and the package is built with TypeScript 7. It ships ES modules and CommonJS, each with its declarations.',
    '',
    'Runtimes tested: Node.js 20 and 22, Bun, Deno, and web browsers (headless Chromium). Any other with a global `fetch`, `Headers`, `FormData` and `AbortController` should work. In a browser, an API key in the page is visible to its users: call the API from a server unless the key is meant to be public.',
  ];
}

function undocumented(model: SdkModel): string[] {
  const call = headline(model);
  return [
    '## Undocumented endpoints and params',
    '',
    'An endpoint the spec does not describe can still be called with the client (its base URL, credentials, retries and logging); the body is parsed as JSON:',
    '',
    ...ts(
      `const result = await client.request<unknown>({ method: 'get', path: '/some/undocumented/path', query: { limit: 10 } });`,
      'console.log(result);',
    ),
    '',
    "Any operation of the spec can also be called by its path and method with `client.fetch`, openapi-fetch's client typed by the spec (paths, params, bodies and responses). It answers `{ data, error, response }`, an error status in `error` (typed by the spec) rather than thrown, and sends with the client's credentials (to its base URL's origin only), retries, timeouts and redirects:",
    ...typedFetchExample(model),
    ...(call
      ? [
          '',
          "Query parameters and headers the spec does not list go in a method's last argument. A body field it does not list is a type error: add it with `// @ts-expect-error` on the line above it, and it is sent as given.",
          '',
          ...ts(
            `await ${callWithOptions(call, "{ query: { undocumented_param: 'value' }, headers: { 'X-Undocumented': 'value' } }")};`,
          ),
        ]
      : []),
    '',
    "Response fields the spec does not declare are in the parsed body all the same: read them with a cast, such as `(result as Record<string, unknown>)['undocumented_field']`.",
  ];
}

/**
 * A `client.fetch` call for the README: a GET whose path key is sent as written (no query or fragment in it) and that
 * needs no query or header params, the first with path params if any (strings only, so `'id'` fits them).
 */
function typedFetchExample(model: SdkModel): string[] {
  const candidates = allMethods(model.resources).filter(
    (candidate) =>
      candidate.httpMethod === 'get' &&
      candidate.pathKey === undefined &&
      !candidate.path.includes('#') &&
      ![...candidate.queryParams, ...candidate.headerParams].some((param) => param.required) &&
      candidate.pathParams.every((param) => pathParamType(param.schema) === 'string'),
  );
  // One with a path param shows how params go, where there is one.
  const method = candidates.find((candidate) => candidate.pathParams.length > 0) ?? candidates[0];
  if (!method) return [];
  const pathParams = method.pathParams.map((param) => `${propertyKey(param.name)}: 'id'`).join(', ');
  const init = pathParams === '' ? '' : `, { params: { path: { ${pathParams} } } }`;
  return [
    '',
    ...ts(
      `const { data, error } = await client.fetch.GET(${literal(method.path)}${init});`,
      'console.log(error ?? data);',
    ),
  ];
}

function semver(): string[] {
  return [
    '## Semantic versioning',
    '',
    'This package follows [SemVer](https://semver.org/). Some changes that only touch types may come in minor versions:',
    '',
    '1. Changes that only affect static types, without breaking runtime behaviour.',
    '2. Changes to internals that are technically public but not meant for use (`src/internal`, anything not exported from the package root).',
    '3. Changes that should not affect the vast majority of users in practice.',
    '',
    "The SDK generator's change report (`sdkgen diff`) lists what a spec change would break in users' code, to choose the next version by.",
  ];
}

function faq(model: SdkModel): string[] {
  return [
    '## Frequently asked questions',
    '',
    '### A file says "Do not edit". How do I change it?',
    '',
    `This package is generated from ${markdownCode(model.specFile)}. Change the spec (or the generator's config) and run ${markdownCode(model.regenerateCommand)}: hand edits to generated files are overwritten.`,
    '',
    '### How do I see what is sent and received?',
    '',
    `Set \`logLevel: 'debug'\` (or \`${model.envPrefix}_LOG=debug\`): each request and response is logged with its headers and body, credentials masked.`,
    '',
    '### Why did a request take longer than its timeout?',
    '',
    'The timeout is per attempt, and failed attempts are retried (twice by default, with backoff). Set `maxRetries: 0` for one attempt, or pass a `signal` to bound the whole call.',
    '',
    '### Does it work without Node.js?',
    '',
    'Yes: it uses only web APIs (`fetch`, `Headers`, `FormData`, `AbortController`), so it runs in Bun, Deno, browsers and edge runtimes; see Requirements.',
  ];
}

function oauth(model: SdkModel): string[] {
  if (!hasClientCredentials(model)) return [];
  const call = calls(model).find((candidate) => candidate.method.pagination) ?? headline(model);
  return [
    '## OAuth client credentials',
    '',
    `Instead of an API key, give \`clientID\` and \`clientSecret\` (or set \`${model.envPrefix}_CLIENT_ID\` and \`${model.envPrefix}_CLIENT_SECRET\`): the client fetches an access token from the spec's token endpoint, caches it until shortly before it expires, shares one fetch between concurrent requests, and on a 401 retries once with a fresh token. The token endpoint follows \`baseURL\`.`,
    '',
    ...ts(
      `const client = new ${model.clientName}({ clientID: 'my-client-id', clientSecret: process.env['MY_CLIENT_SECRET'] });`,
      ...(call ? ['', awaitLine(call)] : []),
    ),
  ];
}

function parameters(model: SdkModel): string[] {
  const all = calls(model);
  const nested = all.find((call) => call.method.namedPathParams.length > 0);
  const wrapped = all.find(
    (call) =>
      call.method.body !== undefined &&
      !call.method.body.isObject &&
      call.method.body.encoding !== 'binary' &&
      call.method.paramsShape === 'mixed',
  );
  const styled = all.some((call) =>
    [...call.method.queryParams, ...call.method.pathParams].some((param) => param.encoding !== undefined),
  );
  const renamed = all.find((call) => call.method.body?.renames !== undefined);
  const lines = [
    '## Parameters',
    '',
    'Path ids come first, then one object with the query parameters, headers and body fields, then the request options. Query, path and header parameters are written in the `style` the spec gives each (`form`, `spaceDelimited`, `pipeDelimited`, `deepObject`, `label`, `matrix`, `simple`, exploded or not): arrays as the spec says, nested objects of a `deepObject` parameter as brackets, `filter[a][b]=x`.',
  ];
  if (styled)
    lines.push('', `This API has parameters in styles of their own (see \`paramStyles\` in \`src/resources/\`).`);
  // deepObjectParams: flat in the config gave params bracketed names; they go out as they are named.
  const flat = all
    .flatMap((call) => call.method.queryParams)
    .find((param) => /^[^[\]]+(\[[^[\]]+\])+$/.test(param.name));
  if (flat)
    lines.push(
      '',
      `Parameters with brackets in their names are given flat, as they are sent: ${markdownCode(`{ ${stringLiteral(flat.name)}: ... }`)} goes out as ${markdownCode(`${flat.name}=...`)}.`,
    );
  if (wrapped) {
    const key = wrapped.method.body?.key ?? 'body';
    lines.push(
      '',
      `A body that is not an object (an array, a string, a union) goes in the params object as \`${key}\`${key === 'body' ? '' : ' (named so in the config)'}:`,
      '',
      ...ts(`await ${callText(wrapped)};`),
    );
  }
  const positionalBody = all.find((call) => call.method.body?.positional === true);
  if (positionalBody) {
    lines.push(
      '',
      'Raw bytes (a binary body: `Blob`, `File`, bytes, a stream) are an argument of their own, after the path ids and before the params:',
      '',
      ...ts(`await ${callText(positionalBody)};`),
    );
  }
  if (nested) {
    lines.push(
      '',
      'A nested resource takes its own id as an argument and the ids of its parents in the params object, by their names in the API:',
      '',
      ...ts(`await ${callText(nested)};`),
    );
  }
  if (renamed) {
    const pairs = Object.entries(renamed.method.body!.renames!).map(
      ([name, wire]) => `${markdownCode(name)} (sent as ${markdownCode(wire)})`,
    );
    lines.push(
      '',
      `Some body fields have SDK names of their own, and are sent under their API names: ${pairs.join(', ')} in ${markdownCode(`${renamed.resource.chain.join('.')}.${renamed.method.name}`)}.`,
    );
  }
  return lines;
}

function modules(model: SdkModel): string[] {
  const classes = staticResourceClasses(model);
  const call = headline(model);
  // The resource of the README's first example, where that can be imported alone.
  const resource =
    classes.find((candidate) => candidate === call?.resource) ??
    classes.find((candidate) => candidate.methods.some((method) => method.paramsTypeName)) ??
    classes[0];
  const typed =
    call && call.resource === resource && call.method.paramsTypeName
      ? call.method
      : resource?.methods.find((method) => method.paramsTypeName);
  // The resource instance's variable: its property name, unless the block has that name already (`_3` is both the
  // property and the class of a resource named `3`).
  const taken = new Set([resource?.className, coreClientName(model), 'result']);
  const variable = resource && (taken.has(resource.property) ? `${resource.property}Resource` : resource.property);
  return [
    '## Imports, CommonJS and types',
    '',
    `The client class carries the error classes${takesFiles(model.resources) ? ` and \`toFile\` (\`${model.clientName}.NotFoundError\`, \`${model.clientName}.toFile\`)` : ` (\`${model.clientName}.NotFoundError\`)`} and, as a namespace, every type: \`${model.clientName}.<Type>\`, or by resource, \`${model.clientName}.<Resource>.<Type>\`. A resource class can be imported alone from \`${model.packageName}/resources/<resource>\`.`,
    '',
    ...ts(
      `import ${model.clientName} from '${model.packageName}';`,
      ...(resource
        ? [`import { ${resource.className} } from '${model.packageName}/resources/${resource.modulePath}';`]
        : []),
      '',
      ...(typed
        ? [
            `type Params = ${model.clientName}.${typed.paramsTypeName};`,
            `type SameParams = ${model.clientName}.${resource!.className}.${typed.paramsTypeName};`,
            '',
          ]
        : []),
      ...(resource ? [`console.log(${model.clientName}.${resource.className} === ${resource.className});`] : []),
      'try {',
      `  ${call ? `await ${callText(call)};` : '// a call'}`,
      '} catch (err) {',
      `  if (err instanceof ${model.clientName}.NotFoundError) console.log('not found');`,
      '}',
    ),
    ...(resource
      ? [
          '',
          `Resources are created on first use, and no module has side effects. For the smallest bundle, import the resources you use alone and hand them the client without resources, \`${coreClientName(model)}\` (same options): the bundle then leaves out every other resource.`,
          '',
          ...ts(
            `import { ${coreClientName(model)} } from '${model.packageName}/core-client';`,
            `import { ${resource.className} } from '${model.packageName}/resources/${resource.modulePath}';`,
            '',
            `const ${variable} = new ${resource.className}(new ${coreClientName(model)}());`,
            ...(call && call.resource === resource
              ? [
                  `${call.method.responseTypeName ? 'const result = ' : ''}await ${variable}.${call.method.name}(${exampleArguments(call.method, 'required').join(', ')});`,
                ]
              : []),
          ),
        ]
      : []),
    '',
    'CommonJS works as with the official SDKs: the package itself is the client class, with `.default` and `.' +
      model.clientName +
      '` beside it.',
    '',
    '```js',
    `const ${model.clientName} = require('${model.packageName}');`,
    `const client = new ${model.clientName}();`,
    '```',
  ];
}

function hasClientCredentials(model: SdkModel): boolean {
  return Object.values(model.securitySchemes).some(
    (scheme) => scheme.type === 'oauth2' && scheme.tokenUrl !== undefined,
  );
}

/** A Markdown table with its columns padded to one width, as a person (or prettier) would lay it out. */
function table(header: string[], rows: string[][]): string[] {
  const escaped = rows.map((row) => row.map(markdownTableCell));
  const widths = header.map((cell, column) => Math.max(3, cell.length, ...escaped.map((row) => row[column]!.length)));
  const line = (cells: string[]): string =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...escaped.map(line)];
}
