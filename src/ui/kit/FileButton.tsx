/**
 * A file input that looks like the app's buttons instead of the browser's raw "Choose File / No
 * file chosen". It stays a real `<input type="file">` inside its `<label>`: the label's words are
 * the input's name for screen readers and tests, the whole button opens the picker (the input
 * covers it, transparent), the keyboard reaches the input, and the focus ring shows on the button.
 */
export function FileButton(props: {
  label: string;
  accept: string;
  /** The input's id (to move the focus back to it). */
  id?: string;
  disabled?: boolean;
  /** Another key gives a fresh input (so choosing the same file again fires again). */
  inputKey?: string | number;
  onChoose: (input: HTMLInputElement) => void;
}) {
  return (
    <label class={`acct-btn file-btn${props.disabled ? ' file-btn-busy' : ''}`}>
      <span class="file-btn-icon" aria-hidden="true">
        ⇪
      </span>
      {props.label}
      <input
        key={props.inputKey}
        id={props.id}
        type="file"
        class="file-btn-input"
        accept={props.accept}
        disabled={props.disabled}
        onChange={(e) => props.onChoose(e.currentTarget)}
      />
    </label>
  );
}
