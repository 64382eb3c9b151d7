import { i18n } from '#i18n';
import { ReplyError } from '../reply/errors';
import type { Team } from '../reply/schemas';
import { type TeamRef, teamItem } from '../storage';

/**
 * The Reply team every call names, for a user in several (`X-TEAM-ID`). Reply lists the teams
 * when it answers TEAM_REQUIRED; the rep chooses one by name. A user listed in one team has it
 * chosen silently and never sees a choice.
 */
export function createTeamChoice(onChange?: () => void) {
  const refs = (teams: Team[]): TeamRef[] =>
    teams.map(({ teamId, teamName }) => ({
      id: teamId,
      name: teamName || i18n.t('team.number', { id: teamId }),
    }));
  const only = (teams: TeamRef[]) => (teams.length === 1 ? (teams[0] ?? null) : null);

  return {
    /** The team calls name now; throws when there are several and none is chosen yet. */
    async forCalls(): Promise<TeamRef | null> {
      const { chosen, teams } = await teamItem.getValue();
      // Reply would refuse every call, so none is made.
      if (!chosen && teams.length > 1) throw new ReplyError('team-required');
      return chosen;
    },

    /** What a view shows: the teams to choose from (none for a one-team user), the choice. */
    async view(): Promise<{ teams: TeamRef[]; team: TeamRef | null }> {
      const { teams, chosen } = await teamItem.getValue();
      return teams.length > 1 ? { teams, team: chosen } : { teams: [], team: null };
    },

    /** A key was saved: the teams its user must choose from, if Reply said so. */
    saved: (teams: Team[] | null) => {
      const listed = refs(teams ?? []);
      return teamItem.setValue({ teams: listed, chosen: only(listed) });
    },

    async choose(teamId: number): Promise<void> {
      const { teams } = await teamItem.getValue();
      const team = teams.find((t) => t.id === teamId);
      if (!team) throw new ReplyError('team-not-accessible');
      await teamItem.setValue({ teams, chosen: team });
      onChange?.();
    },

    /**
     * Reply wants a team named (or can't use the one named): keep the teams it listed and
     * drop the choice, so the popup asks again.
     */
    async refused(listed: Team[] | undefined, named: TeamRef | null): Promise<void> {
      const current = await teamItem.getValue();
      // A call that went out before the rep chose (or changed) the team says nothing of it now.
      if ((current.chosen?.id ?? null) !== (named?.id ?? null)) return;
      const teams = listed?.length ? refs(listed) : current.teams;
      const chosen = only(teams);
      await teamItem.setValue({ teams, chosen });
      // What is due changed only if the team did (never re-asked with no team: no loop).
      if (chosen?.id !== current.chosen?.id) onChange?.();
    },

    clear: () => teamItem.removeValue(),
  };
}
