import { connect, type Socket } from 'node:net';
import { waitFor, withTimeout } from './util';

/** The W3C WebDriver key under which an element reference travels. */
export const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

export type ElementRef = { [ELEMENT_KEY]: string };

interface MarionetteError {
  error: string;
  message: string;
}

interface Pending {
  command: string;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

const COMMAND_MS = 10_000;

/**
 * A minimal client for Firefox's Marionette protocol (level 3): every packet is
 * `<byte length>:<JSON>`, commands are `[0, id, name, params]`, responses are
 * `[1, id, error, result]`. The first packet from the server is a greeting object.
 */
export class MarionetteClient {
  readonly #socket: Socket;
  readonly #pending = new Map<number, Pending>();
  #buffer = Buffer.alloc(0);
  #nextId = 1;
  readonly #greeting: Promise<void>;
  #settleGreeting: (error?: Error) => void = () => {};
  #closedError: Error | undefined;

  private constructor(socket: Socket) {
    this.#socket = socket;
    this.#greeting = new Promise((resolve, reject) => {
      this.#settleGreeting = (error) => (error ? reject(error) : resolve());
    });
    socket.on('data', (chunk) => this.#receive(chunk));
    socket.on('error', (error) => this.#fail(error));
    socket.on('close', () => this.#fail(new Error('Marionette connection closed')));
  }

  /** Connects to Marionette on 127.0.0.1, retrying while Firefox is still starting up. */
  static async connect(port: number, timeoutMs: number): Promise<MarionetteClient> {
    const socket = await waitFor(
      () =>
        new Promise<Socket>((resolve, reject) => {
          const attempt = connect(port, '127.0.0.1');
          attempt.once('connect', () => {
            attempt.off('error', reject);
            resolve(attempt);
          });
          attempt.once('error', reject);
        }),
      timeoutMs,
      `Marionette to listen on port ${port}`,
    );
    const client = new MarionetteClient(socket);
    try {
      await withTimeout(client.#greeting, timeoutMs, 'the Marionette greeting');
    } catch (error) {
      client.close();
      throw error;
    }
    return client;
  }

  /** Sends one command and resolves with its result; Marionette errors become rejections. */
  send<T>(command: string, params: Record<string, unknown> = {}): Promise<T> {
    if (this.#closedError) return Promise.reject(this.#closedError);
    const id = this.#nextId++;
    const body = Buffer.from(JSON.stringify([0, id, command, params]), 'utf8');
    const reply = new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { command, resolve: resolve as (value: unknown) => void, reject });
    });
    this.#socket.write(Buffer.concat([Buffer.from(`${body.length}:`, 'ascii'), body]));
    return withTimeout(reply, COMMAND_MS, `Marionette ${command}`).finally(() =>
      this.#pending.delete(id),
    );
  }

  close(): void {
    this.#socket.destroy();
  }

  #receive(chunk: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      // Lengths count bytes, not characters, so the framing is parsed on the Buffer.
      const colon = this.#buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(this.#buffer.subarray(0, colon).toString('ascii'));
      const end = colon + 1 + length;
      if (this.#buffer.length < end) return;
      const packet: unknown = JSON.parse(this.#buffer.subarray(colon + 1, end).toString('utf8'));
      this.#buffer = this.#buffer.subarray(end);
      this.#dispatch(packet);
    }
  }

  #dispatch(packet: unknown): void {
    if (!Array.isArray(packet)) {
      this.#settleGreeting();
      return;
    }
    const [, id, error, result] = packet as [1, number, MarionetteError | null, unknown];
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    if (error) {
      pending.reject(new Error(`Marionette ${pending.command}: ${error.error}: ${error.message}`));
    } else {
      pending.resolve(result);
    }
  }

  #fail(error: Error): void {
    this.#closedError ??= error;
    this.#settleGreeting(error);
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}
