// Spec text is untrusted: it reaches generated code and docs only through the escaper made for where it lands.
// Identifiers and file names have their sanitisers in model/naming.ts. In core/: the emitters and the diff report use it.

/** Line terminators as ECMAScript counts them: each ends a `//` comment, so none may stay in one. */
const LINE_TERMINATORS = /\r\n?|[\n\u2028\u2029]/g;
/** Control characters that have no business in source or docs (tab and newline are kept where they may be). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Text inside a `/** ... *\/` comment: no early `*\/`, and no `/*` either (ts-morph's writer then misplaces the
 * comment's end); both stay readable, and render as written where JSDoc is shown as Markdown. Line ends are
 * normalised to `\n` (ts-morph prefixes each line with ` * `), control characters dropped. Idempotent.
 */
export function jsdocText(text: string): string {
  return noJsdocTags(
    text.replace(LINE_TERMINATORS, '\n').replace(/\*\//g, '*\\/').replace(/\/\*/g, '/\\*').replace(CONTROL, ''),
  ).trim();
}

/**
 * Spec text in a JSDoc comment can start no block tag: TypeScript takes an `@` after any whitespace (a line start
 * included) for one, so a description line `@deprecated` would mark the method deprecated. Such an `@` is written
 * `\@` (a Markdown escape: hovers show `@`). Tags come only from the spec's own fields (`deprecated: true`). An inline
 * `{@link}` and an address (`a@b.com`) are left as they are. Idempotent.
 */
export function noJsdocTags(text: string): string {
  return text.replace(/(^|\s)@/g, '$1\\@');
}

/** Text inside a `//` comment: one line, whatever the text held. */
export function lineCommentText(text: string): string {
  return text.replace(LINE_TERMINATORS, ' ').replace(CONTROL, '');
}

/**
 * A string literal of any text. JSON's escaping is valid TS; U+2028/U+2029 are escaped too (legal in string literals
 * since ES2019, but line breaks to older tools and to readers). A final backslash is written `\x5C`: ts-morph's writer
 * takes `\\"` for an escaped quote, believes the string goes on, and then mistakes a later `/*` for a comment.
 */
export function stringLiteral(text: string): string {
  const json = JSON.stringify(text);
  // The emitters write millions of literals (every example value): most have neither separator nor a final
  // backslash, and are left as they are without running the replacements.
  const separators = /[\u2028\u2029]/.test(json)
    ? json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
    : json;
  return separators.endsWith('\\\\"') ? separators.replace(/(?<!\\)((?:\\\\)*)\\\\"$/, '$1\\x5C"') : separators;
}

/** Text between the backticks of a template literal: no early end, no `${` substitution. */
export function templateLiteralText(text: string): string {
  return stringLiteral(text).slice(1, -1).replace(/\\"/g, '"').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * A property key in an object literal or type: bare when it is an identifier, quoted otherwise. `__proto__`, bare or
 * quoted, would set an object literal's prototype instead of a property: it is written as a computed key.
 */
export function propertyKey(name: string): string {
  if (name === '__proto__') return `[${stringLiteral(name)}]`;
  return IDENTIFIER.test(name) ? name : stringLiteral(name);
}

/** Text in an HTML attribute value or element, kept on one line (api.md's `<code>` lines). */
export function htmlText(text: string): string {
  return text
    .replace(CONTROL, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/[\r\n\u2028\u2029]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Spec prose in Markdown (a description, a title): its Markdown is kept, but it cannot open HTML (`<script>`, `<img>`).
 * Outside code spans `<` becomes `&lt;`, so the text renders as written; inside one it is already text.
 * Only spans that open and close on one line count (a span cannot cross an HTML block that starts a line), and a
 * backslash-escaped backtick opens none, as in CommonMark.
 */
export function markdownText(text: string): string {
  // `&` stays: an entity renders as text (`&lt;script>` shows `<script>`), it never opens a tag.
  const escapeTags = (part: string): string => part.replace(/</g, '&lt;');
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(CONTROL, '')
    .split('\n')
    .map((line) => {
      let out = '';
      let index = 0;
      while (index < line.length) {
        const tick = line.indexOf('`', index);
        if (tick < 0) break;
        const run = /^`+/.exec(line.slice(tick))![0];
        const escaped = /(^|[^\\])(\\\\)*\\$/.test(line.slice(index, tick));
        const close = escaped ? -1 : findRun(line, tick + run.length, run.length);
        const end = close < 0 ? tick + (escaped ? 1 : run.length) : close + run.length;
        out += escapeTags(line.slice(index, tick)) + line.slice(tick, end);
        index = end;
      }
      return out + escapeTags(line.slice(index));
    })
    .join('\n');
}

/** The index of the next run of exactly `length` backticks from `from`, or -1. */
function findRun(line: string, from: number, length: number): number {
  for (const match of line.slice(from).matchAll(/`+/g)) if (match[0].length === length) return from + match.index;
  return -1;
}

/** Spec text on one Markdown line (a heading, a sentence): as `markdownText`, without its line breaks. */
export function markdownInline(text: string): string {
  return markdownText(text.replace(LINE_TERMINATORS, ' '));
}

/**
 * A Markdown code span of any text: fenced by more backticks than any run inside (CommonMark), padded when the
 * text starts or ends with one, on one line.
 */
export function markdownCode(text: string): string {
  const flat = text.replace(LINE_TERMINATORS, ' ').replace(CONTROL, '');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.trim() === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A GFM table cell: `|` would end it, even inside a code span. */
export function markdownTableCell(cell: string): string {
  // A pipe after an even number of backslashes (none included) is unescaped.
  return cell.replace(/(?<!\\)((?:\\\\)*)\|/g, '$1\\|');
}

/** A fenced Markdown code block whose fence no line of the code can close. */
export function markdownCodeBlock(language: string, lines: readonly string[]): string[] {
  const longest = Math.max(0, ...lines.flatMap((line) => [...line.matchAll(/`+/g)].map((match) => match[0].length)));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${fence}${language}`, ...lines, fence];
}
