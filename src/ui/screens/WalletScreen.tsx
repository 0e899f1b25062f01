// Placeholder: the real screen is being written. Keeps the shell's route table whole meanwhile.
export function WalletScreen() {
  return <h2>Wallet</h2>;
}
