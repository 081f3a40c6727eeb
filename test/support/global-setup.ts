import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startPrism } from './prism.js';

declare module 'vitest' {
  export interface ProvidedContext {
    TEST_API_BASE_URL: string;
  }
}

/**
 * One Prism per test project, serving the spec named by the project's `env.MOCK_SPEC` (relative to the repository);
 * its URL reaches tests through `inject('TEST_API_BASE_URL')`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const spec = project.config.env['MOCK_SPEC'] ?? 'spec/openapi.yaml';
  const prism = await startPrism(fileURLToPath(new URL(`../../${spec}`, import.meta.url)));
  project.provide('TEST_API_BASE_URL', prism.url);
  return () => prism.stop();
}
