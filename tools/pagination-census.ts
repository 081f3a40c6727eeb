// `npx tsx generator/pagination-census.ts [folder] [--only a,b] [--unpaged] [--paged]`: how many list operations of each spec
// page (and by which scheme) and how many answer a plain list, so that a pagination rule's reach can be measured on
// the corpus without generating and type-checking every SDK. `--unpaged` prints each unpaged list's query params and
// response fields, to say why it does not page; `--paged` each paged list's scheme.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadSpec } from '../generator/load/load-spec.js';
import { allMethods, buildModel } from '../generator/model/build-model.js';
import { responseShape } from '../generator/model/pagination.js';
import { derefSchema, objectMembers } from '../generator/model/schemas.js';

const root = fileURLToPath(new URL('..', import.meta.url));

async function specFiles(folder: string): Promise<string[]> {
  const manifest = join(folder, 'manifest.json');
  if (existsSync(manifest))
    return (JSON.parse(await readFile(manifest, 'utf8')) as { specs: Array<{ file: string }> }).specs.map(
      (spec) => spec.file,
    );
  return (await readdir(folder, { recursive: true })).filter((entry) => /\.(ya?ml|json)$/.test(entry)).sort();
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { only: { type: 'string' }, unpaged: { type: 'boolean' }, paged: { type: 'boolean' } },
  });
  const folder = resolve(positionals[0] ?? join(root, '../shared/specs/corpus'));
  const files = (await specFiles(folder)).filter(
    (file) => values.only === undefined || values.only.split(',').some((part) => file.includes(part)),
  );
  const totals = { paged: 0, unpaged: 0, specs: 0, failed: 0 };
  const kinds = new Map<string, number>();
  for (const file of files) {
    try {
      const { document } = await loadSpec(join(folder, file), file, { repair: { warnings: [] } });
      const model = buildModel(document, {}, file);
      let paged = 0;
      let unpaged = 0;
      for (const method of allMethods(model.resources)) {
        if (method.pagination) {
          paged++;
          kinds.set(method.pagination.kind, (kinds.get(method.pagination.kind) ?? 0) + 1);
          if (values.paged)
            process.stdout.write(
              `  paged ${file} ${method.httpMethod.toUpperCase()} ${method.path} ${JSON.stringify(method.pagination)}\n`,
            );
          continue;
        }
        if (responseShape(document, method) !== 'list') continue;
        unpaged++;
        if (values.unpaged) {
          const schema = method.response.statuses[0]?.schema;
          const fields = schema ? Object.keys(objectMembers(document, derefSchema(document, schema)).properties) : [];
          process.stdout.write(
            `  unpaged ${file} ${method.httpMethod.toUpperCase()} ${method.path} query=[${method.queryParams.map((param) => param.name).join(',')}] body=[${fields.join(',')}]\n`,
          );
        }
      }
      totals.paged += paged;
      totals.unpaged += unpaged;
      totals.specs++;
      if (paged + unpaged > 0) process.stdout.write(`${file}: ${paged} paged, ${unpaged} plain lists\n`);
    } catch (error) {
      totals.failed++;
      process.stdout.write(`${file}: not read (${String((error as Error).message).split('\n')[0]})\n`);
    }
  }
  process.stdout.write(
    `\n${totals.specs} specs (${totals.failed} not read): ${totals.paged} list operations page, ${totals.unpaged} answer a plain list.\n`,
  );
  process.stdout.write(
    `By scheme: ${[...kinds]
      .sort((a, b) => b[1] - a[1])
      .map(([kind, count]) => `${kind} ${count}`)
      .join(', ')}\n`,
  );
}

void main();
