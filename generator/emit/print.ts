import { ModuleDeclarationKind, StructureKind } from './structure-kinds.js';

/**
 * The text ts-morph's `printStructure` gives for the statements of a source file, for the structures the emitters
 * build (imports, exports, type aliases, classes with properties, constructors, getters and methods, namespaces,
 * statements as text), printed directly; `undefined` for anything else, which the caller hands to ts-morph.
 *
 * ts-morph's printers pass every piece through a fresh code-block-writer that scans it character by character; on a
 * Graph-sized spec (1,200 resource modules, 20 MB) that was a fifth of the generator's time. Its output is kept exactly
 * (source.ts compares the two under test): indentation by levels of two spaces, a blank line after a `}` and around
 * classes and namespaces, JSDoc as ` * ` lines. Texts that would need its writer's state (a line break or a backtick
 * in an indented piece, a comment left open) are not printed here.
 */
export function printStatements(statements: readonly unknown[]): string | undefined {
  try {
    const text = statementList(statements, 0);
    return text === '' || text.endsWith('\n') ? text : `${text}\n`;
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/** A structure or text outside what printStatements reproduces. */
class Unsupported extends Error {}

type Structure = Record<string, unknown>;

const INDENT = '  ';

/** Kinds ts-morph puts a blank line before (when something precedes them in the block). */
const BLANK_BEFORE = new Set<unknown>([StructureKind.Class, StructureKind.Interface, StructureKind.Module]);

/** Keys of the structures printed here; a structure with any other key set (decorators, overloads...) is ts-morph's. */
const KNOWN = new Set([
  'kind',
  'name',
  'docs',
  'isExported',
  'isDefaultExport',
  'hasDeclareKeyword',
  'isStatic',
  'isReadonly',
  'isAsync',
  'scope',
  'type',
  'initializer',
  'hasQuestionToken',
  'statements',
  'parameters',
  'returnType',
  'extends',
  'properties',
  'getAccessors',
  'methods',
  'ctors',
  'namedImports',
  'namedExports',
  'defaultImport',
  'namespaceImport',
  'moduleSpecifier',
  'isTypeOnly',
  'declarationKind',
  'alias',
]);

function check(structure: Structure): Structure {
  for (const [key, value] of Object.entries(structure)) {
    if (value === undefined || value === false) continue;
    if (!KNOWN.has(key)) throw new Unsupported();
  }
  return structure;
}

/** Statements of a block at `level`, without the final line break. */
function statementList(statements: readonly unknown[], level: number): string {
  const out: string[] = [];
  let previous = '';
  for (const [index, statement] of statements.entries()) {
    const text = statementText(statement, level, index === statements.length - 1);
    if (index > 0) {
      const blank =
        endsWithBrace(previous) ||
        (typeof statement === 'object' && statement !== null && BLANK_BEFORE.has((statement as Structure)['kind']));
      out.push(blank ? '\n\n' : '\n');
    }
    out.push(text);
    previous = text;
  }
  return out.join('');
}

/** Whether the last character that is not white space is `}` (ts-morph then leaves a blank line). */
function endsWithBrace(text: string): boolean {
  let index = text.length - 1;
  while (index >= 0 && /\s/.test(text[index]!)) index--;
  return text[index] === '}';
}

function statementText(statement: unknown, level: number, last: boolean): string {
  if (typeof statement === 'string') return textStatement(statement, level, last);
  if (statement === null || typeof statement !== 'object') throw new Unsupported();
  const structure = check(statement as Structure);
  switch (structure['kind']) {
    case StructureKind.ImportDeclaration:
      return indent(level) + importText(structure);
    case StructureKind.ExportDeclaration:
      return indent(level) + exportText(structure);
    case StructureKind.TypeAlias:
      return `${docsText(structure, level)}${indent(level)}${modifiers(structure)}type ${name(structure)}${typed(' =', structure['type'])};`;
    case StructureKind.Class:
      return classText(structure, level);
    case StructureKind.Interface:
      return interfaceText(structure, level);
    case StructureKind.Module:
      return moduleText(structure, level);
    default:
      throw new Unsupported();
  }
}

/**
 * A statement given as text. At the top level it is written as it is, lines and all, unless it could leave ts-morph's
 * writer inside a template literal or comment for what follows; indented, it must be one plain line.
 */
function textStatement(text: string, level: number, last: boolean): string {
  if (text === '' || text.startsWith('\n') || text.endsWith('\n') || text.includes('\r')) throw new Unsupported();
  if (level === 0) {
    // A comment of whole lines (`/// <reference ... />`) ends where its line does: what follows is code again.
    const openComment = text.slice(text.lastIndexOf('\n') + 1).includes('//') && !lineComments(text);
    if (!last && (text.includes('`') || text.includes('/*') || openComment)) throw new Unsupported();
    return text;
  }
  return indent(level) + plain(text);
}

/** Whether every line of a text is a `//` comment. */
function lineComments(text: string): boolean {
  return text.split('\n').every((line) => line.trimStart().startsWith('//'));
}

/**
 * A piece written inside an indented line: one line, no template literal, and no `/` but inside a string literal (a
 * server URL), where ts-morph's writer knows it is not a comment. Quotes count as its writer counts them: one after a
 * backslash is escaped.
 */
function plain(text: unknown): string {
  if (typeof text !== 'string' || /[\n\r`]/.test(text)) throw new Unsupported();
  if (!text.includes('/')) return text;
  let quote: string | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quote === undefined) {
      if (char === '/') throw new Unsupported();
      if (char === "'" || char === '"') quote = char;
    } else if (char === quote && text[index - 1] !== '\\') quote = undefined;
  }
  if (quote !== undefined) throw new Unsupported();
  return text;
}

function name(structure: Structure): string {
  return plain(structure['name']);
}

function indent(level: number): string {
  return INDENT.repeat(level);
}

function modifiers(structure: Structure): string {
  let out = '';
  if (structure['isDefaultExport']) out += 'export default ';
  else if (structure['isExported']) out += 'export ';
  if (structure['hasDeclareKeyword']) out += 'declare ';
  if (structure['scope'] != null) out += `${plain(structure['scope'])} `;
  if (structure['isStatic']) out += 'static ';
  if (structure['isAsync']) out += 'async ';
  if (structure['isReadonly']) out += 'readonly ';
  return out;
}

/** `: T` (or ` = T` for a type alias); nothing for a missing or blank type. */
function typed(separator: string, type: unknown, always = false): string {
  if (type == null && !always) return '';
  const text = plain(type ?? 'any');
  return text.trim() === '' ? '' : `${separator} ${text}`;
}

function initializer(value: unknown): string {
  if (value == null) return '';
  const text = plain(value);
  return text.trim() === '' ? '' : ` = ${text}`;
}

function quoted(specifier: unknown): string {
  if (typeof specifier !== 'string' || /['\\\n\r]/.test(specifier)) throw new Unsupported();
  return `'${specifier}'`;
}

function specifiers(items: unknown): string {
  if (!Array.isArray(items)) throw new Unsupported();
  const texts = items.map((item) => {
    if (typeof item === 'string') return plain(item);
    if (item === null || typeof item !== 'object') throw new Unsupported();
    const specifier = check(item as Structure);
    const alias = specifier['alias'];
    return `${specifier['isTypeOnly'] ? 'type ' : ''}${name(specifier)}${typeof alias === 'string' && alias.trim() !== '' ? ` as ${plain(alias)}` : ''}`;
  });
  return `{ ${texts.join(', ')} }`;
}

function importText(structure: Structure): string {
  const named = structure['namedImports'] as unknown[] | undefined;
  const hasNamed = named != null && named.length > 0;
  const namespace = structure['namespaceImport'];
  if (hasNamed && namespace != null) throw new Unsupported();
  let out = `import${structure['isTypeOnly'] ? ' type' : ''}`;
  if (structure['defaultImport'] != null)
    out += ` ${plain(structure['defaultImport'])}${hasNamed || namespace != null ? ',' : ''}`;
  if (namespace != null) out += ` * as ${plain(namespace)}`;
  if (hasNamed) out += ` ${specifiers(named)}`;
  if (structure['defaultImport'] != null || hasNamed || namespace != null) out += ' from';
  return `${out} ${quoted(structure['moduleSpecifier'])};`;
}

function exportText(structure: Structure): string {
  const named = structure['namedExports'] as unknown[] | undefined;
  const specifier = structure['moduleSpecifier'];
  let out = `export${structure['isTypeOnly'] ? ' type' : ''}`;
  if (named != null && named.length > 0) out += ` ${specifiers(named)}`;
  else if (specifier == null || specifier === '') out += ' { }';
  else out += ' *';
  if (specifier != null && specifier !== '') out += ` from ${quoted(specifier)}`;
  return `${out};`;
}

/** The JSDoc comments of a declaration, each on its lines and followed by a line break. */
function docsText(structure: Structure, level: number): string {
  const docs = structure['docs'];
  if (docs == null) return '';
  if (!Array.isArray(docs)) throw new Unsupported();
  return docs.map((doc) => `${jsDoc(docText(doc), level)}\n`).join('');
}

function docText(doc: unknown): string {
  if (typeof doc === 'string') return doc;
  if (doc === null || typeof doc !== 'object') throw new Unsupported();
  const { description, tags, kind, ...rest } = doc as Structure;
  if (Object.values(rest).some((value) => value !== undefined) || (kind !== undefined && kind !== StructureKind.JSDoc))
    throw new Unsupported();
  let text = '';
  if (description) {
    if (typeof description !== 'string') throw new Unsupported();
    text += description;
  }
  if (Array.isArray(tags) && tags.length > 0) {
    if (text.length > 0) text += '\n';
    text += tags.map(tagText).join('\n');
  } else if (tags != null && !Array.isArray(tags)) throw new Unsupported();
  return text;
}

function tagText(tag: unknown): string {
  if (tag === null || typeof tag !== 'object') throw new Unsupported();
  const { tagName, text, kind, ...rest } = tag as Structure;
  if (
    Object.values(rest).some((value) => value !== undefined) ||
    (kind !== undefined && kind !== StructureKind.JSDocTag) ||
    typeof tagName !== 'string'
  )
    throw new Unsupported();
  if (text != null && typeof text !== 'string') throw new Unsupported();
  const body = text ?? '';
  return `@${tagName}${body.length > 0 && !/^\r?\n/.test(body) ? ' ' : ''}${body}`;
}

function jsDoc(text: string, level: number): string {
  if (text.includes('*/')) throw new Unsupported();
  const lines = text.split(/\r?\n/);
  const start = lines[0]!.length === 0 ? 1 : 0;
  const prefix = indent(level);
  if (lines.length <= 1) {
    const body = `/** ${lines[start] ?? ''}`;
    return `${prefix}${body}${body.endsWith(' ') ? '' : ' '}*/`;
  }
  let out = `${prefix}/**\n`;
  for (let index = start; index < lines.length; index++)
    out += `${prefix} *${lines[index]!.length > 0 ? ` ${lines[index]}` : ''}\n`;
  return `${out}${prefix} */`;
}

function parameters(list: unknown): string {
  if (list == null) return '()';
  if (!Array.isArray(list)) throw new Unsupported();
  const texts = list.map((item) => {
    if (item === null || typeof item !== 'object') throw new Unsupported();
    const parameter = check(item as Structure);
    const question = parameter['hasQuestionToken'] === true;
    return `${modifiers(parameter)}${name(parameter)}${question ? '?' : ''}${typed(':', parameter['type'], question)}${initializer(parameter['initializer'])}`;
  });
  return `(${texts.join(', ')})`;
}

/** `{`, the statements one level in, `}`. */
function block(statements: unknown, level: number): string {
  if (statements != null && !Array.isArray(statements)) throw new Unsupported();
  const body = statementList((statements as unknown[] | undefined) ?? [], level + 1);
  return `{\n${body}${body === '' ? '' : '\n'}${indent(level)}}`;
}

function members(list: unknown): Structure[] {
  if (list == null) return [];
  if (!Array.isArray(list)) throw new Unsupported();
  return list.map((item) => {
    if (item === null || typeof item !== 'object') throw new Unsupported();
    return check(item as Structure);
  });
}

function classText(structure: Structure, level: number): string {
  if (structure['hasDeclareKeyword']) throw new Unsupported();
  const inner = level + 1;
  const at = indent(inner);
  const extendsText = structure['extends'] == null ? '' : plain(structure['extends']);
  let header = `${docsText(structure, level)}${indent(level)}${modifiers(structure)}class`;
  if (typeof structure['name'] === 'string' && structure['name'].trim() !== '') header += ` ${name(structure)}`;
  header += ` ${extendsText.trim() !== '' ? `extends ${extendsText} ` : ''}`;
  const parts: string[] = [];
  const properties = members(structure['properties']).map(
    (property) =>
      `${docsText(property, inner)}${at}${modifiers(property)}${name(property)}${property['hasQuestionToken'] ? '?' : ''}${typed(':', property['type'])}${initializer(property['initializer'])};`,
  );
  if (properties.length > 0) parts.push(properties.join('\n'));
  for (const ctor of members(structure['ctors'])) {
    parts.push(
      `${docsText(ctor, inner)}${at}${modifiers(ctor)}constructor${parameters(ctor['parameters'])} ${block(ctor['statements'], inner)}`,
    );
  }
  for (const getter of members(structure['getAccessors'])) {
    if (getter['parameters'] != null && (getter['parameters'] as unknown[]).length > 0) throw new Unsupported();
    parts.push(
      `${docsText(getter, inner)}${at}${modifiers(getter)}get ${name(getter)}()${typed(':', getter['returnType'])} ${block(getter['statements'], inner)}`,
    );
  }
  const methods = members(structure['methods']).map(
    (method) =>
      `${docsText(method, inner)}${at}${modifiers(method)}${name(method)}${method['hasQuestionToken'] ? '?' : ''}${parameters(method['parameters'])}${typed(':', method['returnType'])} ${block(method['statements'], inner)}`,
  );
  if (methods.length > 0) parts.push(methods.join('\n\n'));
  const body = parts.join('\n\n');
  return `${header}{\n${body}${body === '' ? '' : '\n'}${indent(level)}}`;
}

/** An interface of property signatures (the client's options). */
function interfaceText(structure: Structure, level: number): string {
  if (['methods', 'getAccessors', 'ctors'].some((key) => structure[key] !== undefined)) throw new Unsupported();
  const inner = level + 1;
  const heritage = structure['extends'];
  const extendsText =
    heritage == null ? '' : Array.isArray(heritage) ? heritage.map(plain).join(', ') : plain(heritage);
  const header = `${docsText(structure, level)}${indent(level)}${modifiers(structure)}interface ${name(structure)} ${extendsText.trim() !== '' ? `extends ${extendsText} ` : ''}`;
  const properties = members(structure['properties']).map(
    (property) =>
      `${docsText(property, inner)}${indent(inner)}${modifiers(property)}${name(property)}${property['hasQuestionToken'] ? '?' : ''}${typed(':', property['type'])}${initializer(property['initializer'])};`,
  );
  const body = properties.join('\n');
  return `${header}{\n${body}${body === '' ? '' : '\n'}${indent(level)}}`;
}

function moduleText(structure: Structure, level: number): string {
  const kind = structure['declarationKind'];
  if (kind === ModuleDeclarationKind.Global || /^\s*['"`]/.test(String(structure['name']))) throw new Unsupported();
  // A namespace's statements are printed as ambient: only texts, which print the same either way, are taken here.
  const statements = structure['statements'];
  if (
    statements != null &&
    (!Array.isArray(statements) || statements.some((statement) => typeof statement !== 'string'))
  )
    throw new Unsupported();
  return `${docsText(structure, level)}${indent(level)}${modifiers(structure)}${kind || 'namespace'} ${name(structure)} ${block(statements, level)}`;
}
