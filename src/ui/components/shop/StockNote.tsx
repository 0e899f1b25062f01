import type { Inventory } from '../../../domain/index.ts';
import { useI18n } from '../../i18n/index.ts';

/** "12 left" or "Sold out", from the shop's last word on the stock. */
export function StockNote({ inventory }: { inventory: Inventory | undefined }) {
  const { t } = useI18n();
  if (!inventory) return <span class="stock stock-unknown">{t('stock.unknown')}</span>;
  if (inventory.stock <= 0) return <span class="stock stock-out">{t('stock.soldOut')}</span>;
  return <span class={inventory.stock <= 5 ? 'stock stock-low' : 'stock'}>{t('stock.left', { count: inventory.stock })}</span>;
}
