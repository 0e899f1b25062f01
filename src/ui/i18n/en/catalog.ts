/** Strings of the first screen: the catalog, its product cards, flash and team badges (the product page's in shop.ts). */
export const strings = {
  'catalog.title': 'Catalog',
  'catalog.search': 'Search',
  'catalog.searchHint': 'Name or tag, e.g. tea, 苹果',
  'catalog.categories': 'Categories',
  'catalog.all': 'All',
  'catalog.sort': 'Sort by',
  'catalog.sort.best': 'Best match',
  'catalog.sort.name': 'Name',
  'catalog.sort.priceAsc': 'Price: low to high',
  'catalog.sort.priceDesc': 'Price: high to low',
  'catalog.count': '{count} products',
  'catalog.countOne': '1 product',
  'catalog.none': 'Nothing matches “{q}”.',
  'catalog.empty': 'No products here yet.',
  'catalog.more': 'Show more',
  'catalog.showing': 'Showing {shown} of {total}',

  'cat.Fruit': 'Fruit',
  'cat.Snacks': 'Snacks',
  'cat.Tea & Coffee': 'Tea & Coffee',
  'cat.Home': 'Home',
  'cat.Electronics': 'Electronics',
  'cat.Toys': 'Toys',
  'cat.Clothing': 'Clothing',

  'stock.left': '{count} left',
  'stock.soldOut': 'Sold out',
  'stock.unknown': 'Stock not known yet',
  'badge.team': 'Team of {size}: {price}',
  'time.days': '{days} d {time}',

  'flash.title': 'Flash sale',
  'flash.startsIn': 'Starts in',
  'flash.endsIn': 'Ends in',
  'flash.left': '{count} left at this price',
  'flash.soldOut': 'Flash sale sold out',

  // The rating as the product page and the cards show it.
  'sold.count': '{count} sold',
  'reviews.summary': '{rating} · {count} reviews',
  'reviews.summaryOne': '{rating} · 1 review',
};
