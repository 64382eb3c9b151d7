import { useState } from 'preact/hooks';
import type { TeamRef } from '@/utils/storage';

/**
 * For a Reply user in several teams: which team the extension works in, by name. Asked once
 * after the key is saved (nothing else works until then), shown after, and changeable.
 */
export function TeamPicker({
  teams,
  chosen,
  busy,
  onChoose,
}: {
  teams: TeamRef[];
  chosen: TeamRef | null;
  busy: boolean;
  onChoose: (teamId: number) => void;
}) {
  const [picked, setPicked] = useState<number | null>(chosen?.id ?? null);
  const [changing, setChanging] = useState(false);
  if (chosen && !changing) {
    return (
      <p class="evr-team">
        Team <strong>{chosen.name}</strong>{' '}
        <button type="button" disabled={busy} onClick={() => setChanging(true)}>
          Change team
        </button>
      </p>
    );
  }
  return (
    <form
      class="evr-form evr-team"
      onSubmit={(event) => {
        event.preventDefault();
        if (picked === null) return;
        setChanging(false);
        onChoose(picked);
      }}
    >
      <fieldset>
        <legend>
          Your Reply user is in several teams. Which one should the extension work in?
        </legend>
        {teams.map((team) => (
          <label key={team.id} class="evr-check">
            <input
              type="radio"
              name="evr-team"
              value={String(team.id)}
              checked={picked === team.id}
              onChange={() => setPicked(team.id)}
            />
            {team.name}
          </label>
        ))}
      </fieldset>
      <button type="submit" class="evr-primary" disabled={busy || picked === null}>
        Use this team
      </button>
    </form>
  );
}
