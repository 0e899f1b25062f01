// Placeholder: the real screen is being written. Keeps the shell's route table whole meanwhile.
export function OrdersScreen() {
  return <h2>Orders</h2>;
}
