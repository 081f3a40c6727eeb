// The generator's stages import only downwards: load -> model -> emit -> format -> write, each seeing the stages
// before it (emit only the model, not the loader; format and write only the files the emitters made), with the
// pipeline (generate.ts, index.ts), diff and the CLI above. Types that cross a boundary live in generator/core/.
// Type-only imports count too: an arrow that runs back up, even for a type, is a stage knowing about a later one.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const generator = join(root, 'generator');

/** What each stage may import besides itself (and templates/, the runtime every stage describes). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  core: [],
  load: ['core'],
  model: ['core', 'load'],
  // The emitters read the model only: what they show of the spec (examples, JSON Schemas) is resolved there.
  emit: ['core', 'model'],
  format: ['core'],
  write: ['core'],
  pipeline: ['core', 'load', 'model', 'emit', 'format', 'write'],
  diff: ['core', 'load', 'model', 'emit'],
  cli: ['core', 'load', 'model', 'emit', 'format', 'write', 'pipeline', 'diff'],
  bin: ['cli'],
};

/** The stage of a file under generator/ (by its folder; the few top-level files by name). */
function stageOf(file: string): string {
  const path = relative(generator, file).split(sep).join('/');
  const folder = path.includes('/') ? path.slice(0, path.indexOf('/')) : undefined;
  if (folder !== undefined) return folder;
  if (path === 'generate.ts' || path === 'index.ts') return 'pipeline';
  if (path === 'run.mjs' || path === 'build.mjs') return 'bin';
  return `unknown (${path})`;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'dist' || entry.name.startsWith('.') ? [] : sources(path);
    return /\.(ts|mts|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** The files a module imports (static, dynamic, re-exports, type-only), as absolute paths of the sources. */
function importsOf(file: string): string[] {
  // TypeScript's scanner: imports in strings (the emitters write import statements as text) are not imports.
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((entry) => entry.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => resolve(dirname(file), name).replace(/\.js$/, '.ts'));
}

const files = sources(generator);
const graph = new Map(files.map((file) => [file, importsOf(file)]));
const rel = (file: string): string => relative(root, file).split(sep).join('/');

describe('the import graph of generator/', () => {
  test('every file belongs to a stage', () => {
    expect(files.map(rel).filter((file) => !(stageOf(join(root, file)) in MAY_IMPORT))).toEqual([]);
  });

  test('imports run down the stages', () => {
    const wrong: string[] = [];
    for (const [file, targets] of graph) {
      const from = stageOf(file);
      for (const target of targets) {
        const path = rel(target);
        if (path.startsWith('templates/')) continue;
        if (!path.startsWith('generator/')) {
          wrong.push(`${rel(file)} -> ${path} (outside the generator)`);
          continue;
        }
        const to = stageOf(target);
        if (to !== from && !MAY_IMPORT[from]?.includes(to)) wrong.push(`${rel(file)} (${from}) -> ${path} (${to})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('no import cycles between files', () => {
    // Tarjan's strongly connected components: every component of more than one file is a cycle.
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    const visit = (file: string): void => {
      index.set(file, index.size);
      low.set(file, index.get(file)!);
      stack.push(file);
      onStack.add(file);
      for (const target of graph.get(file) ?? []) {
        if (!graph.has(target)) continue;
        if (!index.has(target)) {
          visit(target);
          low.set(file, Math.min(low.get(file)!, low.get(target)!));
        } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
      if (low.get(file) === index.get(file)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(rel(member));
        } while (member !== file);
        if (component.length > 1) cycles.push(component.sort());
      }
    };
    for (const file of files) if (!index.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  test('the rules see imports (a check that passes on nothing checks nothing)', () => {
    expect(graph.get(join(generator, 'model/build-model.ts'))).toContain(join(generator, 'load/load-config.ts'));
    expect(graph.get(join(generator, 'cli/main.ts'))).toContain(join(generator, 'cli/generate-command.ts'));
  });
});
