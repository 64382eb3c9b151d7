import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
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
        {i18n.t('team.label')} <strong>{chosen.name}</strong>{' '}
        <button type="button" disabled={busy} onClick={() => setChanging(true)}>
          {i18n.t('team.change')}
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
        <legend>{i18n.t('team.question')}</legend>
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
        {i18n.t('team.use')}
      </button>
    </form>
  );
}
