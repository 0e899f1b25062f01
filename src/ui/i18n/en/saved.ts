/** Strings of a person's saved products and recently viewed products (issue 13, "Favourites and history"). */
export const strings = {
  /* ---------------------------------------------------------------- the heart on a product */
  'saved.save': 'Save',
  'saved.saveName': 'Save {name}',
  'saved.savedNote': 'In your saved items.',
  'saved.removedNote': 'Removed from your saved items.',
  'saved.see': 'See saved',
  'saved.storageFull': "The device's storage is full: nothing was saved. Free some space and try again.",

  /* ---------------------------------------------------------------- the lists */
  'saved.title': 'Saved and viewed',
  'saved.tabs': 'Your lists',
  'saved.tabSaved': 'Saved',
  'saved.tabViewed': 'Recently viewed',
  'saved.empty': 'Nothing saved yet. Tap ♡ Save on a product to keep it here.',
  'saved.browse': 'Browse the shop',
  'saved.priceDropped': 'Price dropped',
  'saved.was': 'was {price}',
  'saved.backInStock': 'Back in stock',
  'saved.gone': 'No longer sold by the shop.',
  'saved.remove': 'Remove {name}',
  'saved.viewedNote': 'The last {count} products you opened, newest first.',
  'saved.viewedEmpty': 'Products you open show up here.',
  'saved.clear': 'Clear history',
  'saved.cleared': 'History cleared.',

  /* ---------------------------------------------------------------- where they are reached */
  'saved.link': 'Saved',
  'saved.linkCount': 'Saved ({count})',
  'saved.linkViewed': 'Recently viewed',

  /* ---------------------------------------------------------------- in a backup (Settings) */
  'backup.table.saved': 'saved products',
  'backup.table.viewed': 'recently viewed products',
};
