// Placeholder: the real screen is being written. Keeps the shell's route table whole meanwhile.
export function SellerScreen({ tab }: { tab?: string | undefined }) {
  return <h2>Seller</h2>;
}
