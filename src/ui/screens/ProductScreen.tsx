// Placeholder: the real screen is being written. Keeps the shell's route table whole meanwhile.
export function ProductScreen({ id }: { id: string }) {
  return <h2>Product</h2>;
}
