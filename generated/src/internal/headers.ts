// Copied from templates/src/internal/headers.ts by the SDK generator. Do not edit: change the source and run `npm run generate`.

/** Header values as callers give them; `null` removes a header set at a lower level (e.g. a default). */
export type HeadersLike = Record<string, string | null | undefined> | Headers;

/** Merges header sets left to right; later sets win, `null` deletes. Names are case-insensitive. */
export function mergeHeaders(...sets: Array<HeadersLike | undefined>): Headers {
  const out = new Headers();
  for (const set of sets) {
    if (!set) continue;
    const entries = set instanceof Headers ? [...set.entries()] : Object.entries(set);
    for (const [name, value] of entries) {
      if (value === null) out.delete(name);
      else if (value !== undefined) out.set(name, value);
    }
  }
  return out;
}
