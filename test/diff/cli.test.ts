// `npm run diff` on files: Markdown, JSON, --fail-on, and clear errors.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
let edited: string;

function diff(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'generator/cli/main.ts'), 'diff', ...args],
      { cwd: root },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'diff-cli-'));
  edited = join(dir, 'edited.yaml');
  const text = await readFile(join(root, 'spec/openapi.yaml'), 'utf8');
  // A new required field on the OAuth client create request.
  await writeFile(
    edited,
    text.replace(
      '      required:\n        - name\n        - allowed_scopes',
      '      required:\n        - name\n        - logo_uri\n        - allowed_scopes',
    ),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('npm run diff', () => {
  test('files in, Markdown out; --fail-on breaking exits 1', async () => {
    const result = await diff([
      '--base',
      'spec/openapi.yaml',
      '--head',
      edited,
      '--config',
      'spec/sdk.config.yaml',
      '--fail-on',
      'breaking',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('- `oauthClients.create`: param `logo_uri` is now required');
    const lenient = await diff(['--base', 'spec/openapi.yaml', '--head', edited, '--config', 'spec/sdk.config.yaml']);
    expect(lenient.code).toBe(0);
  });

  test('--json for machines', async () => {
    const result = await diff([
      '--base',
      edited,
      '--head',
      'spec/openapi.yaml',
      '--config',
      'spec/sdk.config.yaml',
      '--json',
    ]);
    const report = JSON.parse(result.stdout) as {
      verdict: string;
      changes: Array<{ severity: string; message: string }>;
    };
    expect(report.verdict).toBe('minor');
    expect(report.changes).toEqual([
      expect.objectContaining({
        severity: 'addition',
        message: '`oauthClients.create`: param `logo_uri` is no longer required',
      }),
    ]);
  });

  test('an input that is neither a file nor a git ref is a clear error', async () => {
    const result = await diff(['--base', 'no-such-ref-or-file']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error: no-such-ref-or-file: is neither a spec file nor a git ref\n');
  });
});
