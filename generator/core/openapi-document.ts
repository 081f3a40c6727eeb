// The OpenAPI document as the stages after load see it: loaded, checked, repaired. Its own module because load's
// passes (cycles, repair) and the model all take it, and none of them should import another's module for a type.

/** The parts of an OpenAPI document the generator reads; everything else passes through untyped. */
export interface OpenAPIDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  servers?: Array<{ url: string; description?: string; variables?: Record<string, { default: string }> }>;
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown> | undefined>;
  security?: Array<Record<string, string[]>>;
  tags?: Array<{ name: string; description?: string }>;
  [key: string]: unknown;
}
