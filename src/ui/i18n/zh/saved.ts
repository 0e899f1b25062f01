import type { Strings } from '../define.ts';
import type { strings as en } from '../en/saved.ts';

export const strings: Strings<keyof typeof en> = {
  'saved.save': '收藏',
  'saved.saveName': '收藏{name}',
  'saved.savedNote': '已加入收藏。',
  'saved.removedNote': '已取消收藏。',
  'saved.see': '查看收藏',
  'saved.storageFull': '设备存储已满，未能保存。请清理空间后重试。',

  'saved.title': '收藏与足迹',
  'saved.tabs': '我的清单',
  'saved.tabSaved': '收藏',
  'saved.tabViewed': '浏览足迹',
  'saved.empty': '还没有收藏。在商品页点 ♡ 收藏，就会出现在这里。',
  'saved.browse': '去逛逛',
  'saved.priceDropped': '降价了',
  'saved.was': '原 {price}',
  'saved.backInStock': '已到货',
  'saved.gone': '店铺已不再出售。',
  'saved.remove': '取消收藏 {name}',
  'saved.viewedNote': '最近打开的 {count} 件商品，最新的在前。',
  'saved.viewedEmpty': '打开过的商品会出现在这里。',
  'saved.clear': '清空足迹',
  'saved.cleared': '足迹已清空。',

  'saved.link': '收藏',
  'saved.linkCount': '收藏（{count}）',
  'saved.linkViewed': '浏览足迹',

  'backup.table.saved': '收藏的商品',
  'backup.table.viewed': '浏览足迹',
};
