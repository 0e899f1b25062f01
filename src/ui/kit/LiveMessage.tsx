import type { Message } from '../hooks/use-action.ts';

/**
 * Where an action's outcome is said. Always in the page (a live region must exist before its
 * text changes for screen readers to announce the change); empty when there is nothing to say.
 */
export function LiveMessage({ message, id }: { message: Message | undefined; id?: string }) {
  return (
    <p id={id} class={`acct-msg${message ? ` acct-msg-${message.tone}` : ''}`} aria-live="polite">
      {message?.text ?? ''}
    </p>
  );
}
