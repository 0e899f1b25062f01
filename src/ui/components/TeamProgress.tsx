import type { Team } from '../../domain/index.ts';
import { teamInitials, teamJoined } from '../../domain/index.ts';

/**
 * How full a team is, as a real progress bar that a screen reader announces as "2 of 3", and
 * the members' initials (all the public catalog says of them: never a name).
 */
export function TeamProgress({ team, label }: { team: Pick<Team, 'members' | 'size' | 'joined' | 'initials'>; label: string }) {
  const have = teamJoined(team);
  const initials = teamInitials(team);
  return (
    <div class="team-progress">
      <progress max={team.size} value={have} aria-label={label} aria-valuetext={`${have} / ${team.size}`} />
      <span aria-hidden="true">
        {have} / {team.size}
      </span>
      {initials.length > 0 && (
        <span class="team-initials" aria-hidden="true">
          {initials.slice(0, 6).map((i) => (
            <span class="team-initial">{i}</span>
          ))}
        </span>
      )}
    </div>
  );
}
