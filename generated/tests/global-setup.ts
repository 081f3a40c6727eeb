// Copied from templates/tests/global-setup.ts by the SDK generator. Do not edit: change the source and run `npm run generate`.

import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

/**
 * The mock server the tests run against: `TEST_API_BASE_URL` when set, else a Prism (a devDependency of this package)
 * serving tests/openapi.json on a free loopback port, started here and stopped when the tests end.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const given = process.env['TEST_API_BASE_URL'];
  if (given) {
    project.provide('TEST_API_BASE_URL', given);
    return undefined;
  }
  const prism = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js');
  const spec = fileURLToPath(new URL('./openapi.json', import.meta.url));
  const port = await freePort();
  const child = spawn(process.execPath, [prism, 'mock', spec, '-h', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await listening(child, 60_000);
  project.provide('TEST_API_BASE_URL', `http://127.0.0.1:${port}`);
  return () => stop(child);
}

/** A free TCP port on loopback, found by binding port 0. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port')),
      );
    });
  });
}

/** Resolves once Prism says it listens; rejects with its output if it exits or takes too long. */
function listening(child: ChildProcess, timeoutMs: number): Promise<void> {
  let output = '';
  return new Promise((resolve, reject) => {
    const fail = (error: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const timer = setTimeout(
      () => fail(new Error(`Prism did not start within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('Prism is listening')) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => fail(new Error(`Prism exited with code ${code}:\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
