// Placeholder: the real screen is being written. Keeps the shell's route table whole meanwhile.
export function CheckoutScreen({ team, product }: { team?: string | undefined; product?: string | undefined }) {
  return <h2>Checkout</h2>;
}
