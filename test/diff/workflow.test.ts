// The pull-request workflow, run as a script: its `run` steps in order, in a scratch repository with a spec change.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));

interface Step {
  id?: string;
  run?: string;
}

let repo: string;
let steps: Step[];

async function git(...args: string[]): Promise<void> {
  await run('git', args, { cwd: repo, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
}

/** Runs one workflow step's script as Actions would (bash -e), with the PR's environment. */
async function runStep(id: string, summary: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const step = steps.find((candidate) => candidate.id === id)!;
  return new Promise((resolve) => {
    execFile('bash', ['-e', '-c', step.run!], { cwd: repo, env: { ...process.env, GITHUB_BASE_REF: 'main', GITHUB_STEP_SUMMARY: summary } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  steps = (parse(await readFile(join(root, '.github/workflows/sdk-review.yml'), 'utf8')) as { jobs: { review: { steps: Step[] } } }).jobs.review.steps;
  repo = await mkdtemp(join(tmpdir(), 'workflow-'));
  for (const path of ['package.json', 'tsconfig.json', 'spec', 'generator', 'templates', 'generated']) {
    await cp(join(root, path), join(repo, path), { recursive: true, filter: (source) => !/[/\\](node_modules|dist)([/\\]|$)/.test(source) });
  }
  await symlink(join(root, 'node_modules'), join(repo, 'node_modules'), 'dir');
  await writeFile(join(repo, '.gitignore'), 'node_modules\nsdk-report.md\n');
  await git('init', '-q', '-b', 'main');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'base');
  await git('update-ref', 'refs/remotes/origin/main', 'HEAD');
  await git('checkout', '-q', '-b', 'pr');
}, 60_000);

afterAll(async () => {
  if (repo) await rm(repo, { recursive: true, force: true });
});

describe('the SDK review workflow', () => {
  test('it installs, checks generated/, reports and comments, in that order', () => {
    expect(steps.filter((step) => step.id).map((step) => step.id)).toEqual(['install', 'check', 'report', 'comment']);
    expect(steps.find((step) => step.id === 'comment')!.run).toContain('--body-file sdk-report.md');
  });

  test('a PR that removes an endpoint and regenerates: the check passes, the report names the breaking change', async () => {
    const spec = join(repo, 'spec/openapi.yaml');
    const text = await readFile(spec, 'utf8');
    // Remove DELETE /oauth_clients/{id}: the block from "    delete:" up to the next method under that path.
    const start = text.indexOf('  /oauth_clients/{id}:\n    delete:');
    const end = text.indexOf('    get:', start);
    await writeFile(spec, text.slice(0, start) + '  /oauth_clients/{id}:\n' + text.slice(end));
    await run(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'generator/cli.ts'], { cwd: repo });
    await git('commit', '-q', '-am', 'remove DELETE /oauth_clients/{id}');

    const summary = join(repo, 'summary.md');
    const check = await runStep('check', summary);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    const report = await runStep('report', summary);
    expect(report.code).toBe(0);
    const markdown = await readFile(join(repo, 'sdk-report.md'), 'utf8');
    expect(markdown).toContain('Semver: **major** (1 breaking');
    expect(markdown).toContain('- `oauthClients.delete` (DELETE /oauth_clients/{id}) removed');
    expect(await readFile(summary, 'utf8')).toBe(markdown);
  }, 120_000);

  test('a PR that edits the spec but not generated/: the check step fails and names the stale files', async () => {
    const spec = join(repo, 'spec/openapi.yaml');
    await writeFile(spec, (await readFile(spec, 'utf8')).replace('summary: List OAuth clients', 'summary: List every OAuth client'));
    const check = await runStep('check', join(repo, 'summary.md'));
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('generated is out of date with spec/openapi.yaml');
    expect(check.stderr).toContain('differs: src/resources/oauth-clients.ts');
  }, 120_000);
});
