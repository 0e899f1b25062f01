// Placeholder: the real screen is being written. Keeps the shell's route table whole meanwhile.
export function OrderScreen({ id }: { id: string }) {
  return <h2>Order</h2>;
}
