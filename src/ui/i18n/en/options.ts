/** Products with options (issue 13): the chips on the product page, what is left to choose, the seller's combinations. */
export const strings = {
  'options.label': 'Options',
  'options.choose': 'Choose {groups}',
  'options.unavailable': 'sold out',
  'options.chosen': 'Chosen: {values}',
  'options.range': '{min} – {max}',
  'options.offerFrom': 'from {price}',
  'options.offerOn': 'On {list} only',
  'options.offerOnCount': 'On {count} of {total} choices only',
  'options.listSep': '; ',
  'options.filter': 'Filter by option',
  'options.filterGroup': '{group}:',
  'options.and': ', ',
  'problem.combination-needed': 'Choose the options of this product first.',
  'problem.unknown-combination': 'This choice of options is no longer sold: choose again.',
  'problem.combination-off': 'This choice of options is not for sale at the moment.',
  'csv.err.option-cell': 'Must name its group and its value, such as "Weight: 250 g", got {value}.',
} as const;
