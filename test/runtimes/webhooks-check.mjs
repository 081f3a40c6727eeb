// Run in each runtime (argv: the verifier bundle's URL, the vectors as JSON): verifies each vector and prints the
// results as one JSON line. Browsers run `checkVectors` from a page.
export async function checkVectors(verifierURL, vectors) {
  const { verifyWebhook } = await import(verifierURL);
  return vectors.map(({ scheme, body, headers, key, now }) => {
    try {
      verifyWebhook(scheme, body, headers, key, now);
      return 'ok';
    } catch (error) {
      return `${error.constructor.name}: ${error.message}`;
    }
  });
}

const argv = globalThis.Deno ? globalThis.Deno.args : globalThis.process?.argv.slice(2);
if (argv && argv.length === 2 && !globalThis.window) {
  console.log(JSON.stringify(await checkVectors(argv[0], JSON.parse(argv[1]))));
}
