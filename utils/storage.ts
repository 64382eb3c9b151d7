import { storage } from '#imports';
import type { AuthScheme } from './reply/client';

/**
 * Every storage item the extension keeps, in one registry. Only the background reads these:
 * views learn what they need through messages.
 */

/** The Reply API key. Never leaves the background; never logged. */
export const apiKeyItem = storage.defineItem<string | null>('local:apiKey', {
  fallback: null,
  version: 1,
});

/** What checking the key found: whose key it is and which auth header Reply accepted. */
export interface Connection {
  userId: number;
  username: string | null;
  authScheme: AuthScheme;
}

export const connectionItem = storage.defineItem<Connection | null>('local:connection', {
  fallback: null,
  version: 1,
});
