import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { SpecError, type SourceLocation } from '../errors.js';

/**
 * A parsed YAML or JSON file that remembers where every value came from, so errors can name a line and column.
 * JSON is parsed by the same YAML parser (JSON is YAML 1.2), so both formats get positions.
 */
export interface SourceDocument {
  file: string;
  /** The plain data. */
  data: unknown;
  /** The 1-based line and column of the value at a JSON pointer, or of its nearest ancestor that exists. */
  locate(pointer: string): SourceLocation;
}

export function parseSourceDocument(file: string, text: string, ErrorClass = SpecError): SourceDocument {
  // JSON fast path: JSON.parse is an order of magnitude faster than a YAML parse on multi-megabyte specs.
  // Positions are then found lazily, by a YAML parse, only when an error needs them.
  if (/^\s*[{[]/.test(text)) {
    try {
      const data: unknown = JSON.parse(text);
      let parsed: ParsedYaml | undefined;
      return {
        file,
        data,
        locate: (pointer) => locateIn((parsed ??= parseYaml(file, text, ErrorClass)), file, pointer),
      };
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      // Not strict JSON: let the YAML parser accept it (JSON with comments, say) or point at the error.
    }
  }
  const parsed = parseYaml(file, text, ErrorClass);
  return {
    file,
    data: parsed.doc.toJS({ maxAliasCount: 10_000 }) as unknown,
    locate: (pointer) => locateIn(parsed, file, pointer),
  };
}

interface ParsedYaml {
  doc: ReturnType<typeof parseDocument>;
  lineCounter: LineCounter;
}

function parseYaml(file: string, text: string, ErrorClass: typeof SpecError): ParsedYaml {
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

/** The parser's first line, without its own "at line L, column C:" (the location is printed in front). */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
