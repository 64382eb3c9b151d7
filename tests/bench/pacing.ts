// The extension spaces its own calls to Reply (95 a minute) and, rather than sit out a longer
// wait, tells the rep to try later. A bench that executes many tasks keeps the extension under
// that rate by waiting between executions (outside anything it times), so every execution goes
// straight through, as it does for a rep working at a human pace.

import type { RecordedRequest, Sandbox } from '../sandbox/server';
import { sleep } from './browser';

/** A little under the extension's 95, for calls still in flight when counting. */
const PER_MINUTE = 90;
const MINUTE_MS = 60_000;
/** Calls one execution makes (read the task, maybe its accounts, execute, refresh lists, …). */
const FIRST_GUESS_PER_EXECUTION = 4;

export interface Pacer {
  /** Waits until the next execution's calls fit in the last minute; call before each one. */
  makeRoom(): Promise<void>;
  /** Resets the sandbox (which forgets the requests it received) without losing count. */
  resetSandbox(): void;
}

/** The bench's bare fetches carry the page's origin; they don't count against the extension. */
const fromPage = (request: RecordedRequest) => !!request.headers.origin?.startsWith('https://');

export function createPacer(sandbox: Sandbox): Pacer {
  const times: number[] = [];
  // Requests before now came from other browsers, whose backgrounds have limiters of their own.
  let seen = sandbox.requests.length;
  let perExecution = FIRST_GUESS_PER_EXECUTION;
  let countAtLastRoom: number | null = null;
  const collect = () => {
    for (const request of sandbox.requests.slice(seen)) {
      if (!fromPage(request)) times.push(request.at);
    }
    seen = sandbox.requests.length;
  };
  return {
    async makeRoom() {
      collect();
      // What the extension made since the last execution started: learn its appetite.
      if (countAtLastRoom !== null) {
        perExecution = Math.max(perExecution, times.length - countAtLastRoom);
      }
      countAtLastRoom = times.length;
      const now = Date.now();
      const recent = times.filter((t) => t > now - MINUTE_MS);
      const excess = recent.length + perExecution - PER_MINUTE;
      const freedAt = recent[excess - 1];
      if (excess > 0 && freedAt !== undefined) await sleep(freedAt + MINUTE_MS - now);
    },
    resetSandbox() {
      collect();
      sandbox.reset();
      seen = 0;
    },
  };
}
