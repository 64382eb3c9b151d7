import { createStore, del, get, set } from 'idb-keyval';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { CustomSite } from './custom-sites';
import type { AuthScheme } from './reply/client';
import type { Task, TaskType } from './reply/schemas';

/**
 * Every storage item the extension keeps, in one registry. Only the background reads these:
 * views learn what they need through messages.
 */

interface SecretItem {
  getValue(): Promise<string | null>;
  setValue(value: string): Promise<void>;
  removeValue(): Promise<void>;
  /** Storage areas say when they change; IndexedDB doesn't (only the background writes it). */
  watch?(onChange: () => void): () => void;
}

/**
 * The Reply API key. Never leaves the background; never logged. Content scripts run next to
 * every page, so the key is kept where they can't read it:
 * - Chrome: `storage.local`, closed to content scripts by `closeStorageToContentScripts`;
 * - Firefox can't close `storage.local` (setAccessLevel is session-only there), so the key lives
 *   in the extension origin's IndexedDB, which content scripts, being in the page's origin,
 *   can't open.
 */
export const apiKeyItem: SecretItem = import.meta.env.FIREFOX
  ? indexedDbSecret('apiKey')
  : storage.defineItem<string | null>('local:apiKey', { fallback: null, version: 1 });

function indexedDbSecret(key: string): SecretItem {
  let db: ReturnType<typeof createStore> | undefined;
  const store = () => {
    db ??= createStore('execute-via-reply', 'secrets');
    return db;
  };
  return {
    getValue: async () => (await get<string>(key, store())) ?? null,
    setValue: (value) => set(key, value, store()),
    removeValue: () => del(key, store()),
  };
}

/** Chrome only: content scripts get no access to storage.local at all (they don't need it). */
export async function closeStorageToContentScripts(): Promise<void> {
  if (import.meta.env.FIREFOX) return;
  await browser.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
}

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

/** A Reply team the key's user belongs to. */
export interface TeamRef {
  id: number;
  name: string;
}

/**
 * For a user in several Reply teams: the teams Reply listed (answering TEAM_REQUIRED) and the
 * one the rep chose, sent as `X-TEAM-ID` with every call. Empty for a one-team user. Cleared
 * with the key.
 */
export interface TeamChoice {
  teams: TeamRef[];
  chosen: TeamRef | null;
}

export const teamItem = storage.defineItem<TeamChoice>('local:team', {
  fallback: { teams: [], chosen: null },
  version: 1,
});

/**
 * What the executor knows about a task's execution, kept in session storage so that a
 * background stopped mid-request finds, when it starts again, which sends to reconcile.
 * - sending: the execute (or complete) request was about to go out or was out; the outcome
 *   is unknown.
 * - sent: Reply answered with the executed (or completed) task.
 * - unconfirmed: the outcome stayed unknown after trying to reconcile.
 * `action: 'complete'` marks a task completed without sending; absent (as in records written
 * before it existed) means executed.
 */
export type ExecutionRecord =
  | { state: 'sending'; at: number; action?: 'complete' }
  | { state: 'sent'; at: number; task: Task; action?: 'complete' }
  | { state: 'unconfirmed'; at: number; action?: 'complete' };

/** The settled ("sent") records: they hold the task, so this map is the large one. */
export const executionsItem = storage.defineItem<Record<string, ExecutionRecord>>(
  'session:executions',
  { fallback: {}, version: 1 },
);

/**
 * The open ones ("sending", "unconfirmed"), apart, so the write that must land before a POST
 * goes out is of a map of a few small records, not of every task sent today. Session storage
 * goes with the browser session and with an update, so nothing older needs migrating.
 */
export const openExecutionsItem = storage.defineItem<Record<string, ExecutionRecord>>(
  'session:openExecutions',
  { fallback: {}, version: 1 },
);

/** The rep's unsent edits per task, kept until sent or discarded. */
export interface Draft {
  subject: string | null;
  body: string | null;
  at: number;
}

export const draftsItem = storage.defineItem<Record<string, Draft>>('local:drafts', {
  fallback: {},
  version: 1,
});

/** A sequence step's display name ("Step 2 - Email"), which task summaries lack. */
export interface StepName {
  name: string;
  /** When it was read from a task; old names are read again (steps can be renamed). */
  at: number;
}

export const stepNamesItem = storage.defineItem<Record<string, StepName>>('local:stepNames', {
  fallback: {},
  version: 1,
});

/** Sites the rep added on the options page, each with its access granted and script registered. */
export const customSitesItem = storage.defineItem<CustomSite[]>('local:customSites', {
  fallback: [],
  version: 1,
});

/** One execution as the rep sees it afterwards; the newest 200 are kept. */
export interface HistoryEntry {
  taskId: number;
  /** The task's type and its Reply contact, where known (version 2 on; null in older entries). */
  taskType: TaskType | null;
  contactId: number | null;
  contact: string | null;
  at: number;
  /** 'completed': completed in Reply without sending (the contact had opted out). */
  outcome: 'sent' | 'failed' | 'skipped' | 'completed';
  reason: string | null;
}

export const historyItem = storage.defineItem<HistoryEntry[]>('local:history', {
  fallback: [],
  version: 2,
  migrations: {
    // Version 1 (release 0.1.0) kept neither the type nor the contact's id.
    2: (entries: Omit<HistoryEntry, 'taskType' | 'contactId'>[]): HistoryEntry[] =>
      entries.map((entry) => ({ ...entry, taskType: null, contactId: null })),
  },
});

/** "Send the rest": the tasks queued for sending one after another, kept across restarts. */
export interface BulkItem {
  taskId: number;
  contact: string | null;
  /** The Reply contact, so the pre-send checks can ask about many at once (version 2 on). */
  contactId: number | null;
  /** 'completed': completed without sending (from a panel, while the run waited). */
  state: 'pending' | 'sending' | 'sent' | 'failed' | 'skipped' | 'completed';
  reason: string | null;
}

export interface BulkRun {
  items: BulkItem[];
  paused: boolean;
  /** Reply's rate limit: nothing goes out before this time. */
  waitingUntil: number | null;
}

export const bulkRunItem = storage.defineItem<BulkRun | null>('local:bulkRun', {
  fallback: null,
  version: 2,
  migrations: {
    // Runs paused under version 1 (release 0.1.0) didn't know their contacts' ids: the checks
    // then ask about each contact as its task comes up.
    2: (run: (Omit<BulkRun, 'items'> & { items: Omit<BulkItem, 'contactId'>[] }) | null) =>
      run && { ...run, items: run.items.map((item) => ({ ...item, contactId: null })) },
  },
});

/** The rep's choices on the options page. */
export interface Settings {
  /** Which header carries the key: found out when the key is checked, or forced. */
  authHeader: 'auto' | AuthScheme;
  /** Preselected sending account for one-off manual emails; null = Reply's default. */
  defaultEmailAccountId: number | null;
  /** A system notification for executions the rep didn't watch (bulk, after a restart). */
  notifications: boolean;
  /** The due count on the toolbar icon. */
  badge: boolean;
  /** What the badge counts: every task due today, or only the emails and SMS (version 2 on). */
  badgeCounts: 'all' | 'sendable';
}

export const DEFAULT_SETTINGS: Settings = {
  authHeader: 'auto',
  defaultEmailAccountId: null,
  notifications: true,
  badge: true,
  badgeCounts: 'sendable',
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: {
    // Version 1 (0.1.0) badges counted emails and SMS only; they go on doing so.
    2: (settings: Omit<Settings, 'badgeCounts'>): Settings => ({
      ...settings,
      badgeCounts: 'sendable',
    }),
  },
});
