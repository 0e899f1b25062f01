// Placeholder: the real screen is being written. Keeps the shell's route table whole meanwhile.
export function SettingsScreen() {
  return <h2>Settings</h2>;
}
