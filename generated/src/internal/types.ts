// Copied from templates/src/internal/types.ts by the SDK generator. Do not edit: change the source and run `npm run generate`.

/** The `fetch` the client calls; defaults to `globalThis.fetch`. */
export type Fetch = (input: Request, init?: RequestInit) => Promise<Response>;
