// Bounds more than one stage keeps to: the loader repairs a spec down to them, the emitters rely on them.

/**
 * How many members a schema's type may have once TypeScript distributes its intersections over its unions. An
 * `allOf` over `oneOf`s multiplies (`A & (B | C)` is `(A & B) | (A & C)`), so a few levels of schemas combining the
 * ones before reach TypeScript's limit of 100,000 (TS2590, "a union type that is too complex to represent") and the
 * SDK does not compile. Kept well under it: a union of this size is already slow to check.
 */
export const MAX_UNION_MEMBERS = 10_000;
