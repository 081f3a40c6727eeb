import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the mock server (Prism) serving this SDK's spec. */
    TEST_API_BASE_URL: string;
  }
}

/** Where the generated tests send requests: a mock server of the spec, started by the global setup. */
export const baseURL: string = inject('TEST_API_BASE_URL');
