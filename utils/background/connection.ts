import type { ConnectionView } from '../messaging';
import { type ClientOptions, connect, ReplyClient } from '../reply/client';
import { ReplyError } from '../reply/errors';
import { RateLimiter } from '../reply/rate-limit';
import {
  apiKeyItem,
  type Connection,
  connectionItem,
  type Settings,
  settingsItem,
  type TeamRef,
  teamItem,
} from '../storage';
import { createTeamChoice } from './teams';

export type ConnectionOptions = Pick<ClientOptions, 'baseUrl' | 'fetch' | 'timeoutMs'> & {
  /** What is due changed, or whether it shows: a key saved or removed, a team, settings. */
  onDueChange?: () => void;
};

/** What every call needs, read from storage once and kept until one of its items changes. */
interface Snapshot {
  apiKey: string | null;
  connection: Connection | null;
  settings: Settings;
  team: { ok: true; ref: TeamRef | null } | { ok: false; error: ReplyError };
}

/**
 * The key, the connection, the settings and the team, and the one Reply client made of them.
 * They are read once and kept: the click path reads no storage; a change to any of them (a
 * storage `watch`, and explicitly for the writes made here, since the watch answers later and
 * Firefox keeps the key in IndexedDB, which has none) drops what is kept.
 */
export function createConnection(options: ConnectionOptions = {}) {
  /** One limiter for every client of this background: Reply counts per user, not per client. */
  const limiter = new RateLimiter();
  let snapshot: Promise<Snapshot> | null = null;
  let cachedClient: ReplyClient | null = null;
  const changed: Array<() => void> = [];

  const invalidate = () => {
    snapshot = null;
    cachedClient = null;
  };
  for (const item of [connectionItem, settingsItem, teamItem]) item.watch(invalidate);
  apiKeyItem.watch?.(invalidate);

  const teams = createTeamChoice(() => {
    invalidate();
    dueChanged();
  });

  function dueChanged() {
    for (const listener of changed) listener();
    options.onDueChange?.();
  }

  function read(): Promise<Snapshot> {
    snapshot ??= Promise.all([
      apiKeyItem.getValue(),
      connectionItem.getValue(),
      settingsItem.getValue(),
      teams.forCalls().then(
        (ref) => ({ ok: true as const, ref }),
        (error: ReplyError) => ({ ok: false as const, error }),
      ),
    ]).then(([apiKey, connection, settings, team]) => ({ apiKey, connection, settings, team }));
    const reading = snapshot;
    reading.catch(() => {
      if (snapshot === reading) snapshot = null;
    });
    return reading;
  }

  async function client(): Promise<ReplyClient> {
    const reading = read();
    const { apiKey, connection, settings, team } = await reading;
    if (!apiKey || !connection) throw new ReplyError('not-connected');
    if (!team.ok) throw team.error;
    // Built once per snapshot; a change dropped it (and the snapshot) meanwhile: build anew.
    if (cachedClient && snapshot === reading) return cachedClient;
    const forced = settings.authHeader === 'auto' ? undefined : settings.authHeader;
    const made = new ReplyClient(
      { apiKey, authScheme: forced ?? connection.authScheme, team: team.ref },
      {
        ...options,
        limiter,
        fixedAuth: forced !== undefined,
        onAuthSchemeChange: (authScheme) =>
          void connectionItem.setValue({ ...connection, authScheme }),
        onTeamProblem: (error) => void teams.refused(error.details.teams, team.ref),
      },
    );
    if (snapshot === reading) cachedClient = made;
    return made;
  }

  async function view(): Promise<ConnectionView> {
    const [{ apiKey, connection }, team] = await Promise.all([read(), teams.view()]);
    if (!apiKey || !connection) return { connected: false };
    return {
      connected: true,
      userId: connection.userId,
      username: connection.username,
      keyHint: apiKey.slice(-4),
      ...team,
    };
  }

  return {
    client,
    limiter,
    view,
    /** The rep's settings, as kept. */
    settings: async () => (await read()).settings,
    /** Called (besides `onDueChange`) whenever the key, the team or the settings change. */
    onChange: (listener: () => void) => void changed.push(listener),

    async saveSettings(settings: Settings): Promise<Settings> {
      await settingsItem.setValue(settings);
      invalidate();
      dueChanged();
      return settings;
    },

    async saveKey(apiKey: string): Promise<ConnectionView> {
      const { authHeader } = await settingsItem.getValue();
      const forced = authHeader === 'auto' ? undefined : authHeader;
      const connected = await connect(apiKey, { ...options, limiter }, forced);
      const { whoami, authScheme } = connected;
      await connectionItem.setValue({
        userId: whoami.userId,
        username: whoami.username ?? null,
        authScheme,
      });
      await teams.saved(connected.teams);
      await apiKeyItem.setValue(apiKey);
      invalidate();
      dueChanged();
      return view();
    },

    async removeKey(): Promise<ConnectionView> {
      await Promise.all([apiKeyItem.removeValue(), connectionItem.removeValue(), teams.clear()]);
      invalidate();
      dueChanged();
      return { connected: false };
    },

    /** The team every call names from now on: one of those Reply listed. */
    async chooseTeam(teamId: number): Promise<ConnectionView> {
      await teams.choose(teamId);
      return view();
    },
  };
}

export type ReplyConnection = ReturnType<typeof createConnection>;
