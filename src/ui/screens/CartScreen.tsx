// Placeholder: the real screen is being written. Keeps the shell's route table whole meanwhile.
export function CartScreen() {
  return <h2>Cart</h2>;
}
