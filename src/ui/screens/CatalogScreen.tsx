// Placeholder: the real screen is being written. Keeps the shell's route table whole meanwhile.
export function CatalogScreen({ category, q }: { category?: string | undefined; q?: string | undefined }) {
  return <h2>Catalog</h2>;
}
