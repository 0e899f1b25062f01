import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n/index.ts';

export interface StatusProps {
  /** Whether the sync details under the bar are open. */
  open: boolean;
  onToggle: () => void;
}

/** The indicator itself: a live region holding one button (online or not, then `children`). */
export function SyncIndicator(props: StatusProps & { online: boolean; children: ComponentChildren; after?: ComponentChildren }) {
  const { t } = useI18n();
  const { online } = props;
  return (
    <div role="status" class="net-status">
      <button type="button" class="net-button" aria-expanded={props.open} aria-controls="top-panel" onClick={props.onToggle}>
        <span class={online ? 'net net-online' : 'net net-offline'}>{online ? t('status.online') : t('status.offline')}</span>{' '}
        {props.children}
      </button>
      {props.after}
    </div>
  );
}
