import type { WhatsApp } from './client.js';

/** Base of every resource class: holds the client without exposing it to `console.log` or JSON. */
export abstract class APIResource {
  protected declare readonly _client: WhatsApp;

  constructor(client: WhatsApp) {
    Object.defineProperty(this, '_client', { value: client, enumerable: false });
  }
}
