/** Strings of the seller's console: Import and export (CSV). */
export const strings = {
  'csv.title': 'Import and export (CSV)',
};
