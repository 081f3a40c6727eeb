// One scenario, run unchanged in Node 20 and 22, Bun, Deno and Chromium against the fault server of runtimes.test.ts:
// a retried first request, auto-pagination over three pages, a timeout, and a typed 404.
/** @param {Record<string, any>} sdk the generated SDK's module namespace  @param {string} baseURL */
export async function runScenario(sdk, baseURL) {
  const Telnyx = sdk.default;
  const scenario = Math.random().toString(36).slice(2);
  const client = new Telnyx({
    apiKey: 'runtime-key',
    baseURL,
    defaultHeaders: { 'x-scenario': scenario },
    logLevel: 'off',
  });

  const ids = [];
  for await (const item of client.oauthClients.list({ 'page[size]': 2 })) ids.push(item.client_id);

  let timeout = 'none';
  const started = Date.now();
  try {
    await client.oauthClients.retrieve('hang', { timeout: 200, maxRetries: 1 });
  } catch (error) {
    timeout = error instanceof sdk.APIConnectionTimeoutError ? 'APIConnectionTimeoutError' : String(error);
  }
  const timeoutMs = Date.now() - started;

  let notFound = 'none';
  try {
    await client.oauthClients.retrieve('missing');
  } catch (error) {
    notFound = error instanceof sdk.NotFoundError ? `NotFoundError: ${error.message}` : String(error);
  }
  return { scenario, ids, timeout, timeoutUnder5s: timeoutMs < 5000, notFound };
}
