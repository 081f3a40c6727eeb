// Copied from templates/src/internal/form.ts by the SDK generator. Do not edit: change the source and run `npm run generate`.

/**
 * Serializes a body as `application/x-www-form-urlencoded`. Nested objects and arrays use bracket keys
 * (`metadata[key]=v`, `items[0][price]=p`), the convention of Rails, PHP and Stripe; `undefined` is skipped.
 */
export function toFormUrlEncoded(body: unknown): string {
  const params = new URLSearchParams();
  append(params, '', body);
  return params.toString();
}

/** The encoder of `application/x-www-form-urlencoded` bodies (a method's `encode`). */
export const formBody = (body: unknown): string => toFormUrlEncoded(body);

function append(params: URLSearchParams, key: string, value: unknown): void {
  if (value === undefined) return;
  if (value === null) {
    if (key) params.append(key, '');
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => append(params, `${key}[${index}]`, item));
    return;
  }
  if (value instanceof Date) {
    params.append(key, value.toISOString());
    return;
  }
  if (typeof value === 'object') {
    for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
      append(params, key ? `${key}[${name}]` : name, item);
    }
    return;
  }
  if (key) params.append(key, String(value));
}
