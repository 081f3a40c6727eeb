import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startPrism } from './prism.js';

declare module 'vitest' {
  export interface ProvidedContext {
    TEST_API_BASE_URL: string;
  }
}

/** One Prism for the whole run, serving spec/openapi.yaml; its URL reaches tests through `inject`. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const prism = await startPrism(fileURLToPath(new URL('../../spec/openapi.yaml', import.meta.url)));
  project.provide('TEST_API_BASE_URL', prism.url);
  return () => prism.stop();
}
