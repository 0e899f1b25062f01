import type { ProductId, TeamChoice } from '../../../domain/index.ts';
import { leaderInitials } from '../../../domain/index.ts';
import type { CheckoutView } from '../../../app/queries/shop.ts';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/index.ts';

/** What a team buy at checkout means: starting one, or joining someone's, and by when. */
export function TeamNote(props: { view: CheckoutView; choice: TeamChoice; productName: string; product: ProductId; money: (n: number) => string }) {
  const { view, choice, productName, product, money } = props;
  const { t, intl } = useI18n();
  const offer = view.products.get(product)?.team;
  if (!offer) return null;
  if (choice.action === 'start') {
    return (
      <div class="team-note">
        <p>{t('checkout.teamStart', { name: productName, price: money(offer.price) })}</p>
        <p class="note">{t('checkout.teamStartNote', { hours: offer.windowHours, size: offer.size })}</p>
      </div>
    );
  }
  const team = view.team;
  if (!team) return null;
  return (
    <div class="team-note">
      <p>{t('checkout.teamJoin', { leader: leaderInitials(team), name: productName, price: money(team.price) })}</p>
      <p class="note">{t('checkout.teamJoinNote', { size: team.size, deadline: formatDateTime(team.deadline, intl) })}</p>
    </div>
  );
}
