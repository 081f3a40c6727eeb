// What the corpus report counts in a generated package besides type errors: names the generator could not infer and
// list operations with and without pagination (from api.md), and the TypeScript blocks of its README and api.md as
// files a compiler can check.

/** Naming and pagination counts of one generated SDK. */
export interface NamingCounts {
  /** Methods in api.md. */
  methods: number;
  /** Methods named after their operationId (or method and path) because the inferred name was taken in the resource. */
  fallbackNames: number;
  /** Methods told apart by a number (`list2`) because even the fallback was taken. */
  numberedNames: number;
  /** Methods named `list...` that return a page (iterable, with `nextPage()`), and those that do not. */
  listsPaginated: number;
  listsUnpaginated: number;
}

interface ApiMethod {
  resource: string;
  name: string;
  returns: string;
}

// `- <code title="get /path">client.a.b.<a href="...">name</a>(args) -> Returns</code>`, as emit/docs.ts writes it.
const METHOD_LINE =
  /^- <code title="[^"]*">client\.([^<]*)\.<a [^>]*>([^<]+)<\/a>\([^)]*\) -&gt; ([^<]+)<\/code>|^- <code title="[^"]*">client\.([^<]*)\.<a [^>]*>([^<]+)<\/a>\([^)]*\) -> ([^<]+)<\/code>/;

function apiMethods(apiMd: string): ApiMethod[] {
  const methods: ApiMethod[] = [];
  for (const line of apiMd.split('\n')) {
    const match = METHOD_LINE.exec(line);
    if (!match) continue;
    methods.push({
      resource: (match[1] ?? match[4])!,
      name: (match[2] ?? match[5])!,
      returns: (match[3] ?? match[6])!.trim(),
    });
  }
  return methods;
}

/**
 * Counts from api.md and the generator's warnings. A name is numbered when it ends in a number of 2 or more and its
 * stem is another method of the same resource or a child resource (so `v2` or `listV2` from an operationId are not).
 * A list pages when api.md shows it returning a page class (`...Page`), which only paginated methods return.
 */
export function countNaming(apiMd: string, warnings: readonly string[]): NamingCounts {
  const methods = apiMethods(apiMd);
  const members = new Set(methods.map((method) => `${method.resource}.${method.name}`));
  const resources = new Set(
    methods.flatMap((method) =>
      method.resource.split('.').map((_, index, parts) => parts.slice(0, index + 1).join('.')),
    ),
  );
  let numberedNames = 0;
  for (const method of methods) {
    const match = /^(.*\D)([2-9]|[1-9]\d+)$/.exec(method.name);
    if (match && (members.has(`${method.resource}.${match[1]}`) || resources.has(`${method.resource}.${match[1]}`)))
      numberedNames++;
  }
  const lists = methods.filter((method) => /^list($|[A-Z0-9_])/.test(method.name));
  const paged = lists.filter((method) => /Page$/.test(method.returns) && !/Response$/.test(method.returns));
  return {
    methods: methods.length,
    fallbackNames: warnings.filter((warning) => /is taken in its resource; named "/.test(warning)).length,
    numberedNames,
    listsPaginated: paged.length,
    listsUnpaginated: lists.length - paged.length,
  };
}

/** One TypeScript block of a Markdown file, as a module of its own. */
export interface SnippetFile {
  /** File name in the snippets folder. */
  file: string;
  /** `README.md#2`: the document and the block's number in it (from 1). */
  origin: string;
  text: string;
}

/**
 * Every ```ts / ```typescript block of the documents as a module. A block that uses `client` without making one (the
 * README makes it once, in its first block) gets the import and `new Client()` in front, as a reader would read it
 * after that first block.
 */
export function snippetFiles(
  documents: Record<string, string>,
  packageName: string,
  clientName: string,
): SnippetFile[] {
  const files: SnippetFile[] = [];
  for (const [document, text] of Object.entries(documents)) {
    const blocks = [...text.matchAll(/^```(?:ts|typescript)[^\S\n]*\n([\s\S]*?)^```/gm)].map((match) => match[1]!);
    blocks.forEach((block, index) => {
      const importsClient = new RegExp(`^import\\s+${clientName}\\b`, 'm').test(block);
      const prelude = [
        ...(importsClient ? [] : [`import ${clientName} from ${JSON.stringify(packageName)};`]),
        ...(/\b(const|let|var)\s+client\b/.test(block) || !/\bclient\b/.test(block)
          ? []
          : [`const client = new ${clientName}();`]),
      ];
      const base = document.replace(/\W+/g, '-').toLowerCase();
      files.push({
        file: `${base}-${index + 1}.ts`,
        origin: `${document}#${index + 1}`,
        text: `${prelude.join('\n')}\n${block}\nexport {};\n`,
      });
    });
  }
  return files;
}
