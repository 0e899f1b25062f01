// Placeholder: this tab is being written. Keeps the seller console's tab list whole meanwhile.
export function ProductsTab() {
  return <p>Products</p>;
}
