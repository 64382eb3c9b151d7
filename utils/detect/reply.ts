/**
 * Reply does not document a task page URL, so any reply.io page whose path, hash or query
 * names a task counts: `/tasks/{id}`, `/task/{id}`, `taskId={id}`.
 */
// Matched on the lower-cased URL: a case-insensitive regex costs the page a few KB of heap more
// on its first match, in every Reply tab (README, "Speed, measured").
const TASK_SEGMENT = /(?:^|\/)tasks?\/(\d{1,15})(?=$|[/?#&])/;
const TASK_PARAM = /(?:^|[?&#])taskid=(\d{1,15})(?=$|[&#])/;

export function isReplyHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'reply.io' || host.endsWith('.reply.io');
}

/** The task a Reply web app URL names, or null. Accepts a Location, a URL or an href. */
export function taskIdFromUrl(
  location: Pick<URL, 'hostname' | 'pathname' | 'search' | 'hash'> | string,
): number | null {
  let url: Pick<URL, 'hostname' | 'pathname' | 'search' | 'hash'>;
  try {
    url = typeof location === 'string' ? new URL(location) : location;
  } catch {
    return null;
  }
  if (!isReplyHost(url.hostname)) return null;
  const hash = url.hash.replace(/^#!?/, '').toLowerCase();
  const [hashPath = '', hashQuery = ''] = hash.split('?', 2);
  const match =
    TASK_SEGMENT.exec(url.pathname.toLowerCase()) ??
    TASK_SEGMENT.exec(hashPath) ??
    TASK_PARAM.exec(url.search.toLowerCase()) ??
    TASK_PARAM.exec(`?${hashQuery}`);
  const id = match?.[1] ? Number(match[1]) : Number.NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** What a rep pastes to open a task: its id, or a link to its Reply page. */
export function taskIdFromInput(input: string): number | null {
  const trimmed = input.trim();
  if (/^\d{1,15}$/.test(trimmed)) {
    const id = Number(trimmed);
    return id > 0 ? id : null;
  }
  return taskIdFromUrl(trimmed);
}
