// Placeholder: this tab is being written. Keeps the seller console's tab list whole meanwhile.
export function CustomersTab() {
  return <p>Customers</p>;
}
