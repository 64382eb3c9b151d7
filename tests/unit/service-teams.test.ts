import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createReplyService } from '@/utils/background/service';
import { teamItem } from '@/utils/storage';

const NORTHWIND = { teamId: 501, teamName: 'Northwind Agency' };
const CONTOSO = { teamId: 502, teamName: 'Contoso Outreach' };
const TEAMS = [NORTHWIND, CONTOSO];

/** A Reply for a user in two teams: every call but whoami must name one. */
function agencyReply(teams = TEAMS) {
  const calls: Request[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    calls.push(req);
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });
    const path = new URL(req.url).pathname;
    if (path === '/v3/whoami') return json(200, { userId: 3003, username: 'agency@x.com' });
    const team = req.headers.get('x-team-id');
    if (!team) return json(403, { status: 403, code: 'TEAM_REQUIRED', teams });
    if (!teams.some((t) => String(t.teamId) === team)) {
      return json(403, { status: 403, code: 'TEAM_NOT_ACCESSIBLE' });
    }
    return json(200, { items: [{ id: 602, taskType: 7, status: 0 }], hasMore: false });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

describe('background service: teams', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks which team after the key, calls nothing until then, then names it on every call', async () => {
    const reply = agencyReply();
    const service = createReplyService({ fetch: reply.fetch });
    const view = await service.connection.saveKey('agency-key');
    expect(view).toMatchObject({
      connected: true,
      team: null,
      teams: [
        { id: 501, name: 'Northwind Agency' },
        { id: 502, name: 'Contoso Outreach' },
      ],
    });
    const made = reply.calls.length;
    await expect(service.tasks.due()).rejects.toMatchObject({ kind: 'team-required' });
    expect(reply.calls.length).toBe(made);

    expect(await service.connection.chooseTeam(502)).toMatchObject({ team: { id: 502 } });
    expect((await service.tasks.due()).map((t) => t.id)).toEqual([602]);
    expect(reply.calls.slice(made).map((c) => c.headers.get('x-team-id'))).toEqual(['502']);
    await expect(service.connection.chooseTeam(999)).rejects.toMatchObject({
      kind: 'team-not-accessible',
    });
  });

  it('a team Reply no longer lets the user use is dropped, so the rep is asked again', async () => {
    const service = createReplyService({ fetch: agencyReply().fetch });
    await service.connection.saveKey('agency-key');
    await service.connection.chooseTeam(501);
    const narrowed = agencyReply([CONTOSO, { teamId: 503, teamName: 'Third' }]);
    const later = createReplyService({ fetch: narrowed.fetch });
    const failure = await later.tasks.due().catch((e) => e);
    expect(failure.toFailure().message).toMatch(/can’t use the team “Northwind Agency”/);
    await new Promise((r) => setTimeout(r, 0));
    expect((await teamItem.getValue()).chosen).toBeNull();
  });

  it('a user Reply lists in one team never sees a choice', async () => {
    const service = createReplyService({ fetch: agencyReply([NORTHWIND]).fetch });
    const view = await service.connection.saveKey('agency-key');
    expect(view).toMatchObject({ teams: [], team: null });
    expect((await service.tasks.due()).map((t) => t.id)).toEqual([602]);
  });
});
