// Faults a test can inject into the next matching API request(s): error statuses, dropped
// connections, slow or garbled answers.

export type Fault =
  /** Answer this status (problem+json; 401 with no body) without processing the request. */
  | { kind: 'status'; status: number; retryAfter?: string; detail?: string }
  /** Process the request (e.g. really execute), then close the socket without answering. */
  | { kind: 'drop-after-processing' }
  | { kind: 'drop-before-processing' }
  /** Process normally, answer after `ms`. */
  | { kind: 'delay'; ms: number }
  /** 200 with an HTML page, as a captive portal or proxy would send; nothing is processed. */
  | { kind: 'not-json' }
  /** Process normally, then answer 200 JSON of the wrong shape, as a changed API might. */
  | { kind: 'wrong-shape' };

export interface FaultMatch {
  /** Any method when absent. */
  method?: string;
  /** The exact path (no query), or a pattern tested against it. */
  path: string | RegExp;
}

interface Injected extends FaultMatch {
  fault: Fault;
  remaining: number;
}

export class FaultQueue {
  private injected: Injected[] = [];

  add(match: FaultMatch, fault: Fault, times = 1): void {
    if (!(times >= 1)) throw new RangeError(`times must be at least 1, got ${times}`);
    this.injected.push({ ...match, fault, remaining: times });
  }

  /** The first injected fault matching the request, used up once. */
  take(method: string, path: string): Fault | undefined {
    const entry = this.injected.find((e) => {
      if (e.method && e.method.toUpperCase() !== method.toUpperCase()) return false;
      if (typeof e.path === 'string') return e.path === path;
      e.path.lastIndex = 0; // a /g or /y pattern would otherwise remember the last match
      return e.path.test(path);
    });
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.injected = this.injected.filter((e) => e !== entry);
    return entry.fault;
  }

  clear(): void {
    this.injected = [];
  }
}
