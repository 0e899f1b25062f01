import { useState } from 'preact/hooks';
import type { OrderId } from '../../../domain/index.ts';
import { cancelQueued } from '../../../app/actions/cancel-queued-order.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useI18n } from '../../i18n/index.ts';
import { ConfirmButton } from '../../kit/ConfirmButton.tsx';
import { navigate } from '../../router.ts';

/**
 * On the page of an order still queued on this device: it can be cancelled here, and then it
 * is simply never sent (nothing reached the shop, nothing was paid). Once it has gone, the shop
 * must cancel it, and the page says so; the usual "Cancel order" follows when the shop has it.
 */
export function CancelQueued({ orderId }: { orderId: OrderId }) {
  const { t } = useI18n();
  const app = useApp();
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const cancel = async () => {
    const result = await cancelQueued(app, orderId);
    // Gone from this device: its page would only say "not found", so to the cart its items are
    // back in (to change them and order again), or to the orders.
    if (result === 'back-in-cart') navigate({ name: 'cart' });
    else if (result === 'cancelled') navigate({ name: 'orders' });
    else setProblem(t(result === 'left-device' ? 'queuedCancel.leftDevice' : 'queuedCancel.gone'));
  };
  return (
    <section class="acct-card" aria-labelledby="queued-cancel">
      <h3 id="queued-cancel">{t('queuedCancel.title')}</h3>
      <p>{t('queuedCancel.text')}</p>
      <ConfirmButton
        label={t('queuedCancel.button')}
        question={t('queuedCancel.question')}
        body={<p>{t('queuedCancel.body')}</p>}
        yes={t('queuedCancel.yes')}
        onConfirm={() => void cancel()}
      />
      <p role="status" class="acct-error">
        {problem}
      </p>
    </section>
  );
}
