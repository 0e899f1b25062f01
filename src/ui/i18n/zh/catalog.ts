import type { Strings } from '../define.ts';
import type { strings as en } from '../en/catalog.ts';

export const strings: Strings<keyof typeof en> = {
  'catalog.title': '商品',
  'catalog.search': '搜索',
  'catalog.searchHint': '商品名或标签，如 tea、苹果',
  'catalog.categories': '分类',
  'catalog.all': '全部',
  'catalog.sort': '排序',
  'catalog.sort.best': '综合',
  'catalog.sort.name': '名称',
  'catalog.sort.priceAsc': '价格从低到高',
  'catalog.sort.priceDesc': '价格从高到低',
  'catalog.count': '共 {count} 件商品',
  'catalog.countOne': '共 1 件商品',
  'catalog.none': '没有与“{q}”相符的商品。',
  'catalog.empty': '这里还没有商品。',
  'catalog.more': '显示更多',
  'catalog.showing': '已显示 {shown} / {total}',

  'cat.Fruit': '水果',
  'cat.Snacks': '零食',
  'cat.Tea & Coffee': '茶与咖啡',
  'cat.Home': '家居',
  'cat.Electronics': '数码',
  'cat.Toys': '玩具',
  'cat.Clothing': '服饰',

  'stock.left': '剩 {count} 件',
  'stock.soldOut': '已售罄',
  'stock.unknown': '库存未知',
  'badge.team': '{size} 人团：{price}',
  'time.days': '{days} 天 {time}',

  'flash.title': '限时秒杀',
  'flash.startsIn': '距开始',
  'flash.endsIn': '距结束',
  'flash.left': '秒杀价剩 {count} 件',
  'flash.soldOut': '秒杀已售罄',

  // The rating as the product page and the cards show it.
  'sold.count': '已售 {count}',
  'reviews.summary': '{rating} 分 · {count} 条评价',
  'reviews.summaryOne': '{rating} 分 · 1 条评价',
};
