// An existing SDK's surface, read from its Stainless-format api.md, so that a generated SDK keeps every name its
// users already write: per route, the resource chain, the method name, the result type, the positional path params.

/** One method of an existing SDK. */
export interface SurfaceMethod {
  httpMethod: string;
  /** The path template as api.md writes it, without a `?content-type=` suffix. */
  path: string;
  /**
   * The body content type of a method api.md splits a route by (`post /documents?content-type=multipart`: `upload`,
   * beside `uploadJson` for the route's other body type).
   */
  contentType?: string;
  /** Resource properties from the client: `['calls', 'actions']`. */
  chain: string[];
  method: string;
  /** The arguments written before the params object: `(assistantID, { ...params })` -> `['assistantID']`. */
  positional: string[];
  /** Whether the method takes a params object. */
  takesParams: boolean;
  /** The type after `->`: a response type, a page type (`OAuthClientsDefaultFlatPagination`), `void`, `string`... */
  returns: string;
  /** The module api.md links it to, as a key of `Surface.types`: `calls/actions`. */
  module: string;
  /** The line in api.md, for messages. */
  line: number;
  /** The api.md file it is listed in, where api.md links further files (one per resource group); else `Surface.file`. */
  file?: string;
  /**
   * The query api.md's route carries besides `content-type` (`post /responses?beta=true`: `beta=true`). The method
   * takes the spec's route with that query where the spec has one (`withQueryRoutes`), else the plain route.
   */
  query?: string;
}

export interface Surface {
  file: string;
  methods: SurfaceMethod[];
  /** Type names api.md lists, per resource chain (dot-joined). */
  types: Map<string, string[]>;
}

/** A line of api.md its format does not fit, with its number. */
export class SurfaceError extends Error {
  constructor(
    readonly line: number,
    message: string,
    /** The api.md file the line is in, where it is one that another links. */
    readonly file?: string,
  ) {
    super(message);
  }
}

const METHOD_LINE =
  /<code title="([a-z]+) ([^"]+)">client\.((?:[A-Za-z_$][A-Za-z0-9_$]*\.)*)<a ([^>]*)>([A-Za-z_$][A-Za-z0-9_$]*)<\/a>\(([^)]*)\)(?: -&gt;| ->) ([^<]*)<\/code>/;
const TYPE_LINE = /^- <code><a href="\.\/src\/resources\/([^"]+)\.ts">([A-Za-z_$][A-Za-z0-9_$]*)<\/a><\/code>/;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Reads api.md text. Pure: lines that are no method or type are skipped; a method line it cannot read is a SurfaceError. */
export function readSurface(text: string, file: string): Surface {
  const methods: SurfaceMethod[] = [];
  const types = new Map<string, string[]>();
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    const type = TYPE_LINE.exec(line);
    if (type) {
      // The module path is the chain in kebab case (`calls/actions`, `calls/calls` for a resource with children).
      const chain = type[1]!;
      types.set(chain, [...(types.get(chain) ?? []), type[2]!]);
      return;
    }
    if (!line.includes('<code title=')) return;
    const match = METHOD_LINE.exec(line);
    if (!match) throw new SurfaceError(index + 1, `a method line api.md's format does not fit: ${line.slice(0, 120)}`);
    const [, httpMethod, title, chain, link, method, args, returns] = match as unknown as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const [path, query] = decodeEntities(title).split('?', 2) as [string, string | undefined];
    const contentType = query === undefined ? undefined : (new URLSearchParams(query).get('content-type') ?? undefined);
    // The rest of the query, as written: the route's own (`beta=true`), matched against the spec's paths later.
    const otherQuery = query
      ?.split('&')
      .filter((part) => part !== '' && !/^content-type(=|$)/i.test(part))
      .join('&');
    const parts = args
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '');
    // `{ ...params }` or `[ ...body ]` (an array body) is the params argument; the rest are path params.
    const isParams = (part: string): boolean => /^[{[]/.test(part) || /[}\]]$/.test(part);
    const takesParams = parts.some(isParams);
    const positional = parts.filter((part) => !isParams(part)).map((part) => part.replace(/\?$/, ''));
    if (!positional.every((name) => IDENTIFIER.test(name)))
      throw new SurfaceError(index + 1, `arguments api.md's format does not fit: (${args})`);
    methods.push({
      httpMethod: httpMethod.toLowerCase(),
      path,
      ...(contentType !== undefined && contentType !== '' && { contentType }),
      ...(otherQuery !== undefined && otherQuery !== '' && { query: otherQuery }),
      chain: chain.split('.').filter((part) => part !== ''),
      method,
      positional,
      takesParams,
      returns: decodeEntities(returns.trim()),
      module: /href="\.\/src\/resources\/([^"]+)\.ts"/.exec(link)?.[1] ?? '',
      line: index + 1,
    });
  });
  return { file, methods, types };
}

/**
 * The api.md files an api.md links, as written (`[Beta](src/resources/beta/api.md)`): relative markdown links whose
 * file is named `api.md`, in the order they appear, without anchors. Large SDKs split api.md one file per resource group.
 */
export function surfaceLinks(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    const target = match[1]!.split('#')[0]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('/')) continue;
    if (/(^|\/)api\.md$/i.test(target) && !out.includes(target)) out.push(target);
  }
  return out;
}

/** Reads a file's text, or throws; `loadSurfaceTree` is given one so that it stays testable without a file system. */
export type ReadText = (file: string) => Promise<string>;

/** How api.md's linked files are read: given, so that reading stays testable without a file system. */
export interface SurfaceFiles {
  read: ReadText;
  /** Whether a linked file is inside the first file's folder (only those are read). */
  within: (file: string) => boolean;
  /** The file a link in `from` names. */
  resolveLink: (from: string, link: string) => string;
  /** A file's name as messages show it. */
  show: (file: string) => string;
}

/**
 * Reads api.md and every api.md it links (and they link), each once, into one surface: methods and types in the order
 * the links are met. A link may only lead inside the first file's folder (`within`), so an api.md cannot make the
 * generator read files elsewhere; a link out of it, or to a file that is not there, is a SurfaceError naming it.
 */
export async function loadSurfaceTree(
  file: string,
  display: string,
  { read, within, resolveLink, show }: SurfaceFiles,
): Promise<Surface> {
  const methods: SurfaceMethod[] = [];
  const types = new Map<string, string[]>();
  const seen = new Set<string>();
  const visit = async (current: string, shown: string): Promise<void> => {
    if (seen.has(current)) return;
    seen.add(current);
    const text = await read(current);
    let surface: Surface;
    try {
      surface = readSurface(text, shown);
    } catch (error) {
      throw error instanceof SurfaceError && current !== file
        ? new SurfaceError(error.line, error.message, shown)
        : error;
    }
    methods.push(
      ...(current === file ? surface.methods : surface.methods.map((method) => ({ ...method, file: shown }))),
    );
    for (const [module, names] of surface.types) types.set(module, [...(types.get(module) ?? []), ...names]);
    for (const link of surfaceLinks(text)) {
      const target = resolveLink(current, link);
      const at = current === file ? undefined : shown;
      if (!within(target))
        throw new SurfaceError(
          lineOf(text, link),
          `a link to ${link} leads out of the folder of ${display}; not read`,
          at,
        );
      try {
        await visit(target, show(target));
      } catch (error) {
        if (error instanceof SurfaceError) throw error;
        throw new SurfaceError(lineOf(text, link), `the linked ${link} cannot be read`, at);
      }
    }
  };
  await visit(file, display);
  return { file: display, methods, types };
}

function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  return index < 0 ? 1 : text.slice(0, index).split('\n').length;
}

/**
 * api.md methods whose route carries a query (`post /v1/messages?beta=true`) take the spec's path with that query
 * where the spec has one (`/v1/messages?beta=true`, a path of its own beside `/v1/messages`), else the plain route.
 */
export function withQueryRoutes(surface: Surface, specRoutes: ReadonlySet<string>): Surface {
  const methods = surface.methods.map((method) => {
    if (method.query === undefined) return method;
    const path = `${method.path}?${method.query}`;
    return specRoutes.has(surfaceRouteKey(method.httpMethod, path)) ? { ...method, path } : method;
  });
  return { ...surface, methods };
}

/**
 * Whether api.md's result of a method is a page: Stainless names page types `…Pagination…` (`DefaultFlatPagination`,
 * `DefaultPaginationForQueues`) or `…Page` (`FineTuningJobsPage`, `CursorPage<Model>`).
 */
export function surfaceReturnsPage(method: SurfaceMethod): boolean {
  return /Pagination|Page(<|$)/.test(method.returns);
}

/** `get /calls/{id}/`, `GET /calls/{call_id}` -> one key: path params match by position, not name. */
export function surfaceRouteKey(httpMethod: string, path: string): string {
  return `${httpMethod.toLowerCase()} ${path.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '')}`;
}

/** The key of a surface method: its route, and the body content type where api.md splits the route by it. */
export function surfaceMethodKey(method: SurfaceMethod): string {
  const route = surfaceRouteKey(method.httpMethod, method.path);
  return method.contentType === undefined ? route : `${route}?content-type=${method.contentType}`;
}

/** The surface's methods by key (`surfaceMethodKey`); where api.md lists a key twice, the first. */
export function surfaceByRoute(surface: Surface): Map<string, SurfaceMethod> {
  const out = new Map<string, SurfaceMethod>();
  for (const method of surface.methods) {
    const key = surfaceMethodKey(method);
    if (!out.has(key)) out.set(key, method);
  }
  return out;
}

/**
 * The other names api.md gives a route it lists more than once (a renamed method kept under its old name too:
 * `preview0` and `preview`), by route: the SDK keeps them as aliases of the first.
 */
export function surfaceAliases(surface: Surface): Map<string, SurfaceMethod[]> {
  const first = surfaceByRoute(surface);
  const out = new Map<string, SurfaceMethod[]>();
  for (const method of surface.methods) {
    const key = surfaceMethodKey(method);
    if (first.get(key) !== method) out.set(key, [...(out.get(key) ?? []), method]);
  }
  return out;
}

/**
 * The type names a surface method fixes: a named result (`OAuthClientCreateResponse`) and, by the same convention,
 * its params (`OAuthClientCreateParams`); for a paginated method the result is the page (`OAuthClientsDefaultFlatPagination`).
 * A result api.md writes as `unknown` or `string` is named by the one type its module lists for the method (`listed`);
 * a page's items by the listed type its name is the plural of (`ClusterListResponse`, `ClusterListResponsesDefaultFlatPagination`).
 */
export function surfaceTypeNames(
  method: SurfaceMethod,
  paginated: boolean,
  listed: readonly string[] = [],
): { response?: string; params?: string; page?: string; item?: string } {
  const named =
    IDENTIFIER.test(method.returns) &&
    /^[A-Z]/.test(method.returns) &&
    !['Response', 'Uint8Array', 'Blob'].includes(method.returns);
  if (!named) {
    // `-> unknown` or `-> string`, yet the module lists `ToolAddResponse` for `add`: the SDK still exports it by that name.
    const suffix = `${method.method.charAt(0).toUpperCase()}${method.method.slice(1)}Response`;
    const candidates =
      paginated || ['void', 'Response'].includes(method.returns) ? [] : listed.filter((name) => name.endsWith(suffix));
    if (candidates.length !== 1) return {};
    const response = candidates[0]!;
    return { response, ...(method.takesParams && { params: `${response.slice(0, -'Response'.length)}Params` }) };
  }
  if (paginated) {
    // `ClusterListResponsesDefaultFlatPagination` beside a listed `ClusterListResponse`: the name of one item.
    const item = listed.find(
      (name) =>
        name.endsWith('Response') &&
        method.returns.startsWith(`${name}s`) &&
        /^[A-Z]/.test(method.returns.slice(name.length + 1)),
    );
    return { page: method.returns, ...(item !== undefined && { item }) };
  }
  const params = method.returns.endsWith('Response')
    ? `${method.returns.slice(0, -'Response'.length)}Params`
    : undefined;
  return { response: method.returns, ...(params !== undefined && method.takesParams && { params }) };
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
