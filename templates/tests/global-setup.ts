import type { TestProject } from 'vitest/node';

/** Points the tests at a running mock server of the spec: `TEST_API_BASE_URL`, or Prism's default port. */
export default function setup(project: TestProject): void {
  project.provide('TEST_API_BASE_URL', process.env['TEST_API_BASE_URL'] ?? 'http://127.0.0.1:4010');
}
