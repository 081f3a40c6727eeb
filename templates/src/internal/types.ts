/** The `fetch` the client calls, as the official SDKs call it: a URL string and a `RequestInit`. `globalThis.fetch` fits. */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;
