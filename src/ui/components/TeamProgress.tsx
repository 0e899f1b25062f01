import type { Team } from '../../domain/index.ts';

/** How full a team is, as a real progress bar that a screen reader announces as "2 of 3". */
export function TeamProgress({ team, label }: { team: Pick<Team, 'members' | 'size'>; label: string }) {
  const have = team.members.length;
  return (
    <div class="team-progress">
      <progress max={team.size} value={have} aria-label={label} aria-valuetext={`${have} / ${team.size}`} />
      <span aria-hidden="true">
        {have} / {team.size}
      </span>
    </div>
  );
}
