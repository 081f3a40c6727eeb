import { SpecError } from '../core/errors.js';
import { joinPointer, type SourceDocument } from './source-document.js';

/**
 * How deep a document may nest (mappings and lists). The deepest spec of the corpus nests 30 levels (DigitalOcean);
 * the generator's walks recurse per level, and so do openapi-typescript's and the formatter's: a document 1,000 levels
 * deep would overflow their stacks. 200 leaves room for any real spec.
 */
export const MAX_DEPTH = 200;

/** Throws a SpecError at the first value nested deeper than `MAX_DEPTH`. */
export function checkDepth(source: SourceDocument): void {
  const path: string[] = [];
  // Recursive, one frame per level: the walk stops at MAX_DEPTH, far inside the stack. A value YAML aliases in several
  // places is walked in each (yaml caps how far aliases expand); JSON has no shared values.
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (path.length >= MAX_DEPTH) {
      throw new SpecError(
        source.locate(joinPointer(path)),
        `the document nests deeper than ${MAX_DEPTH} levels here; no API needs that (the deepest known spec nests 30)`,
      );
    }
    for (const key in node) {
      path.push(key);
      walk((node as Record<string, unknown>)[key]);
      path.pop();
    }
  };
  walk(source.data);
}

/** Where a value is, as a chain of keys up to the root: one step per level, no copies (a pointer only on failure). */
type Path = { readonly up: Path; readonly key: string | number } | undefined;

function step(path: Path, key: string | number, next?: string): Path {
  const one = { up: path, key };
  return next === undefined ? one : { up: one, key: next };
}

const isString = (value: unknown): boolean => typeof value === 'string';
const isBoolean = (value: unknown): boolean => typeof value === 'boolean';
const isMapping = (value: unknown): boolean => value !== null && typeof value === 'object' && !Array.isArray(value);
const isTypeName = (value: unknown): boolean => isString(value) || (Array.isArray(value) && value.every(isString));
const isRequiredList = (value: unknown): boolean => isBoolean(value) || (Array.isArray(value) && value.every(isString));

function keysOf(path: Path): Array<string | number> {
  const keys: Array<string | number> = [];
  for (let at = path; at !== undefined; at = at.up) keys.push(at.key);
  return keys.reverse();
}

type Mapping = Record<string, unknown>;

const PARAMETER_LOCATIONS = new Set(['query', 'header', 'path', 'cookie']);
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const SCHEMA_MAPS = ['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions'];
const SCHEMA_LISTS = ['allOf', 'oneOf', 'anyOf', 'prefixItems'];
const SCHEMA_VALUES = [
  'items',
  'additionalProperties',
  'not',
  'contains',
  'propertyNames',
  'if',
  'then',
  'else',
  'unevaluatedProperties',
  'unevaluatedItems',
];
const TEXT_KEYS = ['description', 'summary', 'title', 'format'];

/**
 * A structural check of the parts of the document the generator reads (paths, operations, parameters, bodies,
 * responses, schemas, security): each has the JSON type OpenAPI gives it, or the check stops with a SpecError at its
 * pointer. What the generator does not read passes unchecked; type-specific keywords the model tests with `typeof`
 * (`minimum`, `nullable`...) pass too. Call it after the document is bundled and known to be OpenAPI 3.
 */
export function checkShape(source: SourceDocument): void {
  new ShapeChecker(source).document(source.data as Mapping);
}

class ShapeChecker {
  private readonly checkedSchemas = new Set<object>();

  constructor(private readonly source: SourceDocument) {}

  document(document: Mapping): void {
    const info = document['info'] as Mapping;
    this.text(info, step(undefined, 'info'), ['description', 'summary']);
    this.expect(
      info['version'],
      step(undefined, 'info', 'version'),
      'a string',
      (value) => typeof value === 'string' || typeof value === 'number',
    );
    this.list(document['servers'], step(undefined, 'servers'), (server, path) => this.server(server, path));
    this.security(document['security'], step(undefined, 'security'));
    this.list(document['tags'], step(undefined, 'tags'), (tag, path) => {
      this.mapping(tag, path);
      this.expect((tag as Mapping)['name'], step(path, 'name'), 'a string', isString);
    });
    this.map(document['paths'], step(undefined, 'paths'), (item, path) => {
      // Path templates are resolved against the server URL; the model derives resources from their segments.
      if (!String(path?.key).startsWith('/')) this.fail(path, `path "${String(path?.key)}" must start with "/"`);
      this.pathItem(item, path);
    });
    this.map(document['webhooks'], step(undefined, 'webhooks'), (item, path) => this.pathItem(item, path));
    this.components(document['components'], step(undefined, 'components'));
  }

  private components(components: unknown, path: Path): void {
    if (components === undefined) return;
    this.mapping(components, path);
    const sections = components as Mapping;
    this.map(sections['schemas'], step(path, 'schemas'), (schema, at) => this.schema(schema, at));
    this.map(sections['parameters'], step(path, 'parameters'), (parameter, at) => this.parameter(parameter, at));
    this.map(sections['headers'], step(path, 'headers'), (header, at) => this.header(header, at));
    this.map(sections['requestBodies'], step(path, 'requestBodies'), (body, at) => this.content(body, at));
    this.map(sections['responses'], step(path, 'responses'), (response, at) => this.response(response, at));
    this.map(sections['pathItems'], step(path, 'pathItems'), (item, at) => this.pathItem(item, at));
    this.map(sections['securitySchemes'], step(path, 'securitySchemes'), (scheme, at) =>
      this.securityScheme(scheme, at),
    );
    for (const [name, section] of Object.entries(sections))
      if (!name.startsWith('x-')) this.map(section, step(path, name), () => undefined);
  }

  private pathItem(item: unknown, path: Path): void {
    if (this.isRef(item, path)) return;
    this.text(item, path, ['summary', 'description']);
    const record = item as Mapping;
    this.list(record['parameters'], step(path, 'parameters'), (parameter, at) => this.parameter(parameter, at));
    this.list(record['servers'], step(path, 'servers'), (server, at) => this.server(server, at));
    for (const method of HTTP_METHODS)
      if (record[method] !== undefined) this.operation(record[method], step(path, method));
  }

  private operation(operation: unknown, path: Path): void {
    this.text(operation, path, ['operationId', 'summary', 'description']);
    const record = operation as Mapping;
    this.list(record['tags'], step(path, 'tags'), (tag, at) => this.expect(tag, at, 'a string', isString));
    this.list(record['parameters'], step(path, 'parameters'), (parameter, at) => this.parameter(parameter, at));
    if (record['requestBody'] !== undefined) this.content(record['requestBody'], step(path, 'requestBody'));
    this.map(record['responses'], step(path, 'responses'), (response, at) => this.response(response, at));
    this.security(record['security'], step(path, 'security'));
    this.list(record['servers'], step(path, 'servers'), (server, at) => this.server(server, at));
    this.map(record['callbacks'], step(path, 'callbacks'), (callback, at) => {
      if (!this.isRef(callback, at)) this.map(callback, at, (item, itemPath) => this.pathItem(item, itemPath));
    });
  }

  private parameter(parameter: unknown, path: Path): void {
    if (this.isRef(parameter, path)) return;
    this.header(parameter, path);
    const record = parameter as Mapping;
    this.require(record['name'], step(path, 'name'), "a string (the parameter's name)", isString);
    this.require(
      record['in'],
      step(path, 'in'),
      'one of query, header, path, cookie',
      (value) => typeof value === 'string' && PARAMETER_LOCATIONS.has(value),
    );
  }

  /** A header object, and the parts a parameter shares with it. */
  private header(header: unknown, path: Path): void {
    if (this.isRef(header, path)) return;
    this.text(header, path, ['description']);
    const record = header as Mapping;
    this.flag(record, path, ['required', 'deprecated']);
    if (record['schema'] !== undefined) this.schema(record['schema'], step(path, 'schema'));
    this.mediaTypes(record['content'], step(path, 'content'));
  }

  /** A request body or a response: `content` maps media types to their schemas. */
  private content(body: unknown, path: Path): void {
    if (this.isRef(body, path)) return;
    this.text(body, path, ['description']);
    this.flag(body as Mapping, path, ['required']);
    this.mediaTypes((body as Mapping)['content'], step(path, 'content'));
  }

  private response(response: unknown, path: Path): void {
    this.content(response, path);
    if (!this.isRef(response, path))
      this.map((response as Mapping)['headers'], step(path, 'headers'), (header, at) => this.header(header, at));
  }

  private mediaTypes(content: unknown, path: Path): void {
    this.map(content, path, (media, at) => {
      this.mapping(media, at);
      const schema = (media as Mapping)['schema'];
      if (schema !== undefined) this.schema(schema, step(at, 'schema'));
    });
  }

  private server(server: unknown, path: Path): void {
    this.text(server, path, ['description']);
    this.require((server as Mapping)['url'], step(path, 'url'), "a string (the server's URL)", isString);
    this.map((server as Mapping)['variables'], step(path, 'variables'), (variable, at) => {
      this.mapping(variable, at);
      const fallback = (variable as Mapping)['default'];
      this.expect(
        fallback,
        step(at, 'default'),
        'a string',
        (value) => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean',
      );
    });
  }

  private security(requirements: unknown, path: Path): void {
    this.list(requirements, path, (requirement, at) =>
      this.map(requirement, at, (scopes, scopesAt) => this.list(scopes, scopesAt, () => undefined)),
    );
  }

  private securityScheme(scheme: unknown, path: Path): void {
    if (this.isRef(scheme, path)) return;
    this.text(scheme, path, ['type', 'scheme', 'in', 'name', 'description', 'bearerFormat', 'openIdConnectUrl']);
    this.map((scheme as Mapping)['flows'], step(path, 'flows'), (flow, at) => {
      this.text(flow, at, ['tokenUrl', 'authorizationUrl', 'refreshUrl']);
      this.map((flow as Mapping)['scopes'], step(at, 'scopes'), (description, scopeAt) =>
        this.expect(description, scopeAt, 'a string', isString),
      );
    });
  }

  /** A schema: a mapping (or, in OpenAPI 3.1, `true`/`false`), its subschemas schemas, its keywords of their types. */
  schema(schema: unknown, path: Path): void {
    if (typeof schema === 'boolean') return;
    if (this.isRef(schema, path)) return;
    if (this.checkedSchemas.has(schema as object)) return;
    this.checkedSchemas.add(schema as object);
    this.text(schema, path, TEXT_KEYS);
    const record = schema as Mapping;
    const type = record['type'];
    this.expect(type, step(path, 'type'), 'a type name or a list of them', isTypeName);
    for (const key of SCHEMA_MAPS) this.map(record[key], step(path, key), (property, at) => this.schema(property, at));
    for (const key of SCHEMA_LISTS) {
      // `true`/`false` are schemas in OpenAPI 3.1, but not ones openapi-typescript takes in a list of them.
      this.list(record[key], step(path, key), (part, at) => {
        this.mapping(part, at);
        this.schema(part, at);
      });
    }
    for (const key of SCHEMA_VALUES) if (record[key] !== undefined) this.schema(record[key], step(path, key));
    // `required: true` on a property is a common OpenAPI 2 habit; the generator ignores it, as openapi-typescript does.
    this.expect(record['required'], step(path, 'required'), 'a list of property names', isRequiredList);
    this.expect(record['enum'], step(path, 'enum'), 'a list of values', Array.isArray);
    const discriminator = record['discriminator'];
    if (discriminator !== undefined) {
      this.mapping(discriminator, step(path, 'discriminator'));
      const { propertyName, mapping } = discriminator as Mapping;
      this.require(propertyName, step(path, 'discriminator', 'propertyName'), 'a string (a property name)', isString);
      this.map(mapping, step(path, 'discriminator', 'mapping'), (target, at) =>
        this.expect(target, at, 'a string (a schema name or $ref)', isString),
      );
    }
  }

  /** `true` when the value is a reference (`$ref` a string; the ref check resolves it); a mapping otherwise. */
  private isRef(value: unknown, path: Path): boolean {
    this.mapping(value, path);
    const ref = (value as Mapping)['$ref'];
    if (ref === undefined) return false;
    this.expect(ref, step(path, '$ref'), 'a string (a reference)', isString);
    return true;
  }

  private text(value: unknown, path: Path, keys: readonly string[]): void {
    this.mapping(value, path);
    for (const key of keys) this.expect((value as Mapping)[key], step(path, key), 'a string', isString);
  }

  private flag(record: Mapping, path: Path, keys: readonly string[]): void {
    for (const key of keys) this.expect(record[key], step(path, key), 'true or false', isBoolean);
  }

  private mapping(value: unknown, path: Path): void {
    this.require(value, path, 'a mapping', isMapping);
  }

  private map(value: unknown, path: Path, each: (item: unknown, path: Path) => void): void {
    if (value === undefined) return;
    this.mapping(value, path);
    for (const [key, item] of Object.entries(value as Mapping)) if (!key.startsWith('x-')) each(item, step(path, key));
  }

  private list(value: unknown, path: Path, each: (item: unknown, path: Path) => void): void {
    if (value === undefined) return;
    this.expect(value, path, 'a list', Array.isArray);
    (value as unknown[]).forEach((item, index) => each(item, step(path, index)));
  }

  /** Fails unless `value` is missing or passes `test`. */
  private expect(value: unknown, path: Path, expected: string, test: (value: unknown) => boolean): void {
    if (value !== undefined) this.require(value, path, expected, test);
  }

  /** Fails unless `value` is there and passes `test`. */
  private require(value: unknown, path: Path, expected: string, test: (value: unknown) => boolean): void {
    if (value !== undefined && test(value)) return;
    this.fail(
      path,
      `${lastKey(path)}: ${value === undefined ? `missing; expected ${expected}` : `expected ${expected}, found ${describe(value)}`}`,
    );
  }

  private fail(path: Path, problem: string): never {
    throw new SpecError(this.source.locate(joinPointer(keysOf(path))), problem);
  }
}

function lastKey(path: Path): string {
  const key = path?.key;
  return typeof key === 'number' ? `item ${key} of "${String(path?.up?.key)}"` : `"${key ?? '#'}"`;
}

/** A value's JSON type, as a message names it; short strings are quoted. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return value.length <= 40 ? `the string ${JSON.stringify(value)}` : 'a string';
  return `${typeof value === 'number' ? 'the number' : typeof value} ${JSON.stringify(value)}`;
}
