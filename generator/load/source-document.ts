import { CORE_SCHEMA, load as loadYamlFast } from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { type SourceLocation, SpecError } from '../core/errors.js';

/**
 * A parsed YAML or JSON file that can tell where every value came from, so errors can name a line and column.
 * The data comes from the fastest parser that accepts the text (JSON.parse, then js-yaml: 0.2 s for the 4 MB Telnyx
 * spec where `yaml` takes 1.8 s); positions come from `yaml`, which parses again only when a message needs one.
 */
export interface SourceDocument {
  file: string;
  /** The plain data. */
  data: unknown;
  /** The 1-based line and column of the value at a JSON pointer, or of its nearest ancestor that exists. */
  locate(pointer: string): SourceLocation;
}

export function parseSourceDocument(file: string, text: string, ErrorClass = SpecError): SourceDocument {
  const fast = parseFast(text);
  if (fast) {
    let parsed: ParsedYaml | undefined;
    return {
      file,
      data: fast.data,
      locate: (pointer) => {
        try {
          return locateIn((parsed ??= parseYaml(file, text, ErrorClass)), file, pointer);
        } catch {
          // `yaml` gives up where JSON.parse did not (nesting thousands deep): the pointer alone still says where.
          return { file, pointer };
        }
      },
    };
  }
  // Not accepted by the fast parsers: `yaml` either accepts it (JSON with comments, say) or points at the error.
  const parsed = parseYaml(file, text, ErrorClass);
  let data: unknown;
  try {
    data = parsed.doc.toJS({ maxAliasCount: 10_000 });
  } catch (error) {
    // `yaml` refuses documents whose aliases expand past the cap (a "billion laughs" attack).
    if (!(error instanceof ReferenceError)) throw error;
    throw new ErrorClass({ file }, `not a usable YAML document: ${firstLine(error.message)}`);
  }
  return { file, data, locate: (pointer) => locateIn(parsed, file, pointer) };
}

/** JSON by JSON.parse; YAML by js-yaml with YAML 1.2's core schema (as `yaml` reads it: dates stay strings). */
function parseFast(text: string): { data: unknown } | undefined {
  if (/^\s*[{[]/.test(text)) {
    let data: unknown;
    try {
      data = JSON.parse(text) as unknown;
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
    }
    // JSON.parse keeps the last of two equal keys silently; the YAML path refuses them: so does this one.
    if (data !== undefined)
      return keyCount(text) !== parsedKeyCount(data) && duplicateJsonKey(text) ? undefined : { data };
  }
  // Aliases go through `yaml`, which caps their expansion (a "billion laughs" document must not hang a later walk).
  if (hasAliases(text)) return undefined;
  try {
    // Duplicate keys are an error here as in `yaml` (uniqueKeys), which then reports them with their position.
    return { data: loadYamlFast(text, { schema: CORE_SCHEMA }) };
  } catch {
    return undefined;
  }
}

/** Whether the text may use a YAML alias: an anchor `&name` and a `*name` for it (Markdown's `*` alone is not one). */
function hasAliases(text: string): boolean {
  const names = new Set([...text.matchAll(/(?:^|[\s,[{:-])&([^\s,[\]{}]+)/g)].map((match) => match[1]!));
  for (const name of names) if (text.includes(`*${name}`)) return true;
  return false;
}

interface ParsedYaml {
  doc: ReturnType<typeof parseDocument>;
  lineCounter: LineCounter;
}

/**
 * How many keys JSON text writes: strings followed by a colon (nothing else is). Parsed, each object has as many as its
 * text wrote unless it repeats one, so equal counts prove there is no duplicate without the work of finding one
 * (`duplicateJsonKey` keeps every object's keys: on a 17 MB spec, a tenth of loading, where the other core is idle).
 */
function keyCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== 0x22) continue;
    for (i++; i < text.length; i++) {
      const d = text.charCodeAt(i);
      if (d === 0x5c) i++;
      else if (d === 0x22) break;
    }
    let next = i + 1;
    // JSON's whitespace: space, tab, line feed, carriage return.
    while (next < text.length) {
      const w = text.charCodeAt(next);
      if (w !== 0x20 && w !== 0x09 && w !== 0x0a && w !== 0x0d) break;
      next++;
    }
    if (text.charCodeAt(next) === 0x3a) count++;
  }
  return count;
}

/** How many keys the objects of parsed JSON (a tree) hold, all told. Without recursion: nesting is not checked yet. */
function parsedKeyCount(data: unknown): number {
  let count = 0;
  const pending: unknown[] = [data];
  while (pending.length > 0) {
    const value = pending.pop();
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const item of value) pending.push(item);
      continue;
    }
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      count++;
      pending.push((value as Record<string, unknown>)[key]);
    }
  }
  return count;
}

/**
 * The first key of valid JSON text that repeats in its object (after unescaping: `"a"` and `"\u0061"` are one key),
 * with the offsets of both; one pass, no allocation but the keys.
 */
export function duplicateJsonKey(text: string): { key: string; at: number; first: number } | undefined {
  // One entry per open object (its keys) or array (undefined).
  const frames: Array<Map<string, number> | undefined> = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const start = i;
      let escaped = false;
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) {
          escaped = true;
          i++;
        } else if (d === 0x22) break;
      }
      const frame = frames[frames.length - 1];
      if (expectKey && frame) {
        const raw = text.slice(start, i + 1);
        const key = escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        const first = frame.get(key);
        if (first !== undefined) return { key, at: start, first };
        frame.set(key, start);
        expectKey = false;
      }
    } else if (c === 0x7b) {
      frames.push(new Map());
      expectKey = true;
    } else if (c === 0x5b) {
      frames.push(undefined);
      expectKey = false;
    } else if (c === 0x7d || c === 0x5d) {
      frames.pop();
      expectKey = false;
    } else if (c === 0x2c) {
      expectKey = frames[frames.length - 1] !== undefined;
    }
  }
  return undefined;
}

function parseYaml(file: string, text: string, ErrorClass: typeof SpecError): ParsedYaml {
  const duplicate = /^\s*[{[]/.test(text) ? duplicateJsonKey(text) : undefined;
  if (duplicate) {
    const position = (offset: number): { line: number; col: number } => {
      const before = text.slice(0, offset);
      return { line: before.split('\n').length, col: offset - before.lastIndexOf('\n') };
    };
    const { line, col } = position(duplicate.at);
    const first = position(duplicate.first);
    throw new ErrorClass(
      { file, line, column: col },
      `not valid YAML or JSON: duplicate key ${JSON.stringify(duplicate.key)}, first at line ${first.line}, column ${first.col} (JSON.parse would keep the last silently)`,
    );
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const firstError = doc.errors[0];
  if (firstError) {
    const { line, col } = lineCounter.linePos(firstError.pos[0]);
    throw new ErrorClass({ file, line, column: col }, `not valid YAML or JSON: ${firstLine(firstError.message)}`);
  }
  return { doc, lineCounter };
}

function locateIn({ doc, lineCounter }: ParsedYaml, file: string, pointer: string): SourceLocation {
  let node: unknown = doc.contents;
  let found = node as YamlNode | null;
  for (const token of splitPointer(pointer)) {
    if (isMap(node)) node = node.get(token, true);
    else if (isSeq(node)) node = node.get(Number(token), true);
    else break;
    if (!node) break;
    found = node as YamlNode;
  }
  const offset = found && (isMap(found) || isSeq(found) || isScalar(found)) ? found.range?.[0] : undefined;
  if (offset === undefined) return { file, pointer };
  const { line, col } = lineCounter.linePos(offset);
  return { file, line, column: col, pointer };
}

/** Splits an RFC 6901 JSON pointer (`/paths/~1users/get`) into its unescaped tokens. */
export function splitPointer(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return [];
  return pointer
    .replace(/^#/, '')
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Joins tokens into a JSON pointer, escaping `~` and `/`. */
export function joinPointer(tokens: readonly (string | number)[]): string {
  return tokens.map((token) => `/${String(token).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** `pointer` one token deeper: `joinPointer`'s escaping, without its allocations for the tokens that need none. */
export function childPointer(pointer: string, token: string | number): string {
  return typeof token === 'number' || !/[~/]/.test(token) ? `${pointer}/${token}` : `${pointer}${joinPointer([token])}`;
}

/** The parser's first line, without its own "at line L, column C:" (the location is printed in front). */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
