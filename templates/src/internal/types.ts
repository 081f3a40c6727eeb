/** The `fetch` the client calls; defaults to `globalThis.fetch`. */
export type Fetch = (input: Request, init?: RequestInit) => Promise<Response>;
