import type { BaseClient } from './base-client.js';

/** Base class of the generated resource classes: each holds the client it sends requests through. */
export abstract class APIResource {
  protected readonly _client: BaseClient;

  constructor(client: BaseClient) {
    this._client = client;
  }
}
