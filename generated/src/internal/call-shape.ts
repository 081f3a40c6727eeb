// Copied from templates/src/internal/call-shape.ts by the SDK generator. Do not edit: change the source and run `npm run generate`.

/**
 * The query an operation sends, from the caller's params: keys the SDK names otherwise put back under the API's
 * names (`include` -> `include[]`), then the params its path fixes (`/things?beta=true`), which the caller cannot
 * override. Returns the query as given when neither applies.
 */
export function wireQuery(
  query: object | undefined,
  names: Readonly<Record<string, string>> | undefined,
  fixed: Readonly<Record<string, string>> | undefined,
): object | undefined {
  if (names === undefined && fixed === undefined) return query;
  // Keyed by the API's names: without a prototype, `__proto__` is a param like any other.
  const out = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(query ?? {}))
    out[names !== undefined && Object.hasOwn(names, key) ? names[key]! : key] = value;
  for (const [key, value] of Object.entries(fixed ?? {})) out[key] = value;
  return out;
}
