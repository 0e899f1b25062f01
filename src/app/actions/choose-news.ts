/**
 * The person chooses which kinds of news they are told about (the Updates list's settings): a
 * kind turned off stays listed, but no longer counts as new, badges the icon or notifies. A
 * person setting, so two people on one phone choose apart, kept in backups with the rest.
 */
import { NEWS_GROUPS, type NewsGroup } from '../../domain/index.ts';
import { setPersonSetting } from '../../storage/index.ts';

export function chooseNews(person: string, told: readonly NewsGroup[]): Promise<void> {
  return setPersonSetting(person, 'newsMuted', NEWS_GROUPS.filter((g) => !told.includes(g)));
}
