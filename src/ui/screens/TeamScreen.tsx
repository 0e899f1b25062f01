// Placeholder: the real screen is being written. Keeps the shell's route table whole meanwhile.
export function TeamScreen({ id }: { id: string }) {
  return <h2>Team</h2>;
}
