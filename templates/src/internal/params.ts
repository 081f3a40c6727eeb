/**
 * Parameter serialization by OpenAPI 3 `style` and `explode`, for path, query, header and cookie parameters.
 *
 * Each location has the spec's default (query and cookie: `form` exploded; path and header: `simple`), so a generated
 * method only states the parameters that differ. Nested objects under `deepObject` (and under an exploded `form`
 * object, which the spec leaves undefined) are written with brackets, `filter[a][b]=x`, as Rails, Stripe and Telnyx
 * read them; arrays inside them repeat the key, `filter[ids]=1&filter[ids]=2`. Label and non-exploded lists follow
 * RFC 6570 (`.a,b`), as OpenAPI 3.1.1 corrected its table.
 */

export type ParamStyle = 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject' | 'label' | 'matrix' | 'simple';

/** How one parameter is written, where it differs from its location's default. */
export interface ParamEncoding {
  style?: ParamStyle;
  explode?: boolean;
  /** Query only: reserved characters (`:/?#[]@!$&'()*+,;=`) are sent as they are. */
  allowReserved?: boolean;
}

/** Encodings by parameter name (as the spec names them). */
export type ParamStyles = Readonly<Record<string, ParamEncoding>>;

type Primitive = string | number | boolean | bigint;

/** `a=1&b=x` for a query object; `undefined` and `null` members are left out. No leading `?`. */
export function serializeQuery(query: Readonly<Record<string, unknown>> | undefined, styles?: ParamStyles): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    const encoding = styles?.[name];
    const style = encoding?.style ?? 'form';
    const explode = encoding?.explode ?? style === 'form';
    const encode = encoding?.allowReserved ? encodeReserved : encodeURIComponent;
    parts.push(...queryParts(name, value, style, explode, encode));
  }
  return parts.join('&');
}

/**
 * `serializeQuery` for params in their location's default styles only (form, exploded; simple paths): what the request
 * loop uses unless a method passes `styledParams`, so that bundles of APIs without other styles leave those out.
 */
export function serializeFormQuery(query: Readonly<Record<string, unknown>> | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (isPlainObject(value)) {
      // An exploded form object has no name of its own: its members are the keys (nested ones in brackets).
      if (hasNestedObject(value))
        for (const [member, item] of Object.entries(value))
          parts.push(...bracketParts(member, item, encodeURIComponent));
      else
        for (const [member, item] of definedEntries(value))
          parts.push(`${encodeKey(member)}=${encodeURIComponent(text(item))}`);
    } else if (Array.isArray(value)) {
      for (const item of value)
        if (item !== undefined && item !== null) parts.push(`${encodeKey(name)}=${encodeURIComponent(text(item))}`);
    } else parts.push(`${encodeKey(name)}=${encodeURIComponent(text(value))}`);
  }
  return parts.join('&');
}

/** `serializePath` for `simple` path params only (the default): `a,b` for lists, `k,v` for objects. */
export function serializeSimplePath(template: string, params: Readonly<Record<string, unknown>> | undefined): string {
  if (!params) return template;
  return template.replace(/\{([^{}]+)\}/g, (match, name: string) => {
    if (!(name in params)) return match;
    const value = unbox(params[name]);
    if (value === undefined || value === null) return '';
    if (Array.isArray(value)) return value.map((item) => encodeURIComponent(text(item))).join(',');
    if (isPlainObject(value))
      return definedEntries(value)
        .flatMap(([member, item]) => [encodeURIComponent(member), encodeURIComponent(text(item))])
        .join(',');
    return encodeURIComponent(text(value));
  });
}

/** Serializers of params in any style, for `RequestSpec.paramSerializers`: a method whose params have `paramStyles` passes them. */
export interface ParamSerializers {
  query(query: Readonly<Record<string, unknown>>, styles?: ParamStyles): string;
  path(template: string, params: Readonly<Record<string, unknown>> | undefined, styles?: ParamStyles): string;
}

export const styledParams: ParamSerializers = { query: serializeQuery, path: serializePath };

function queryParts(
  name: string,
  value: unknown,
  style: ParamStyle,
  explode: boolean,
  encode: (text: string) => string,
): string[] {
  const key = encodeKey(name);
  if (style === 'deepObject' || (style === 'form' && explode && isPlainObject(value) && hasNestedObject(value))) {
    // deepObject keeps the parameter name; an exploded form object has none of its own (its members are the keys).
    return style === 'deepObject'
      ? bracketParts(name, value, encode)
      : Object.entries(value as object).flatMap(([member, item]) => bracketParts(member, item, encode));
  }
  if (Array.isArray(value)) {
    const items = value.filter((item) => item !== undefined && item !== null).map((item) => encode(text(item)));
    if (explode) return items.map((item) => `${key}=${item}`);
    return [`${key}=${items.join(delimiter(style))}`];
  }
  if (isPlainObject(value)) {
    const entries = definedEntries(value);
    if (explode) return entries.map(([member, item]) => `${encodeKey(member)}=${encode(text(item))}`);
    return [
      `${key}=${entries.flatMap(([member, item]) => [encode(member), encode(text(item))]).join(delimiter(style))}`,
    ];
  }
  return [`${key}=${encode(text(value))}`];
}

/** `name[a][b]=x` for every leaf; arrays repeat their key. */
function bracketParts(name: string, value: unknown, encode: (text: string) => string): string[] {
  if (value === undefined || value === null) return [];
  // Objects inside arrays need an index to stay apart (`items[0][price]`); scalars repeat the key.
  if (Array.isArray(value))
    return value.flatMap((item, index) => bracketParts(isPlainObject(item) ? `${name}[${index}]` : name, item, encode));
  if (isPlainObject(value))
    return Object.entries(value).flatMap(([member, item]) => bracketParts(`${name}[${member}]`, item, encode));
  return [`${encodeKey(name)}=${encode(text(value))}`];
}

/** The delimiter of a non-exploded list. */
function delimiter(style: ParamStyle): string {
  return style === 'spaceDelimited' ? '%20' : style === 'pipeDelimited' ? '|' : ',';
}

/** Expands `{name}` in a URL (or path) template by each parameter's style; default `simple`, not exploded. */
export function serializePath(
  template: string,
  params: Readonly<Record<string, unknown>> | undefined,
  styles?: ParamStyles,
): string {
  if (!params) return template;
  return template.replace(/\{([^{}]+)\}/g, (match, name: string) => {
    if (!(name in params)) return match;
    const encoding = styles?.[name];
    return pathValue(name, unbox(params[name]), encoding?.style ?? 'simple', encoding?.explode ?? false);
  });
}

function pathValue(name: string, value: unknown, style: ParamStyle, explode: boolean): string {
  const prefix = style === 'label' ? '.' : style === 'matrix' ? ';' : '';
  // Exploded label lists join with the prefix itself (`.a.b`); matrix repeats the name (`;x=a;x=b`).
  const join = explode && style !== 'simple' ? prefix : ',';
  const named = (key: string, item: string): string => (item === '' ? `;${key}` : `;${key}=${item}`);
  if (value === undefined || value === null || value === '') return style === 'matrix' ? `;${name}` : prefix;
  if (Array.isArray(value)) {
    const items = value.map((item) => encodeURIComponent(text(item)));
    if (style === 'matrix')
      return explode ? items.map((item) => named(name, item)).join('') : named(name, items.join(','));
    return prefix + items.join(join);
  }
  if (isPlainObject(value)) {
    const entries = definedEntries(value).map(
      ([member, item]) => [encodeURIComponent(member), encodeURIComponent(text(item))] as const,
    );
    if (style === 'matrix')
      return explode
        ? entries.map(([member, item]) => named(member, item)).join('')
        : named(name, entries.flat().join(','));
    return prefix + (explode ? entries.map(([member, item]) => `${member}=${item}`) : entries.flat()).join(join);
  }
  const item = encodeURIComponent(text(value));
  return style === 'matrix' ? named(name, item) : prefix + item;
}

/** A header parameter's value: `simple` style, the only one headers have. Not percent-encoded. */
export function serializeHeader(value: unknown, encoding?: ParamEncoding): string | undefined {
  if (value === undefined || value === null) return undefined;
  const explode = encoding?.explode ?? false;
  if (Array.isArray(value)) return value.map(text).join(',');
  if (isPlainObject(value)) {
    const entries = definedEntries(value);
    return (
      explode
        ? entries.map(([member, item]) => `${member}=${text(item)}`)
        : entries.flatMap(([member, item]) => [member, text(item)])
    ).join(',');
  }
  return text(value);
}

/** A `Cookie` header from cookie parameters: `form` style (exploded by default), pairs joined by `; `. */
export function serializeCookies(
  cookies: Readonly<Record<string, unknown>> | undefined,
  styles?: ParamStyles,
): string | undefined {
  if (!cookies) return undefined;
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(cookies)) {
    if (value === undefined || value === null) continue;
    const explode = styles?.[name]?.explode ?? true;
    if (Array.isArray(value)) {
      const items = value.map((item) => encodeURIComponent(text(item)));
      pairs.push(...(explode ? items.map((item) => `${name}=${item}`) : [`${name}=${items.join(',')}`]));
    } else if (isPlainObject(value)) {
      const entries = definedEntries(value).map(([member, item]) => [member, encodeURIComponent(text(item))] as const);
      pairs.push(
        ...(explode ? entries.map(([member, item]) => `${member}=${item}`) : [`${name}=${entries.flat().join(',')}`]),
      );
    } else pairs.push(`${name}=${encodeURIComponent(text(value))}`);
  }
  return pairs.length > 0 ? pairs.join('; ') : undefined;
}

/** `new String('a')` (and boxed numbers, booleans) as the primitive it holds, not as an object of characters. */
function unbox(value: unknown): unknown {
  return value instanceof String || value instanceof Number || value instanceof Boolean ? value.valueOf() : value;
}

function text(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value as Primitive);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function hasNestedObject(value: Record<string, unknown>): boolean {
  return Object.values(value).some((item) => isPlainObject(item) || Array.isArray(item));
}

function definedEntries(value: Record<string, unknown>): Array<[string, unknown]> {
  return Object.entries(value).filter(([, item]) => item !== undefined && item !== null);
}

/** Query keys: percent-encoded, but brackets stay readable (`page[size]`), as servers accept both. */
function encodeKey(name: string): string {
  return encodeURIComponent(name).replace(/%5B/gi, '[').replace(/%5D/gi, ']');
}

/** `allowReserved`: encode what a query value cannot hold, keep RFC 3986's reserved characters. */
function encodeReserved(value: string): string {
  return encodeURI(value).replace(/[#&]/g, (char) => (char === '#' ? '%23' : '%26'));
}
