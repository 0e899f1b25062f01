import type { Strings } from '../define.ts';
import type { strings as en } from '../en/common.ts';

export const strings: Strings<keyof typeof en> = {
  'app.name': '离线小店',
  'nav.label': '主导航',
  'nav.catalog': '商店',
  'nav.cart': '购物车',
  'nav.cartCount': '购物车里有 {count} 件',
  'nav.orders': '订单',
  'nav.wallet': '钱包',
  'nav.settings': '设置',
  'nav.seller': '卖家',
  'header.search': '搜索',
  'header.menu': '菜单',
  'status.online': '在线',
  'status.offline': '离线',
  'status.waiting': '{count} 项待同步',
  'status.synced': '已全部同步',
  'update.ready': '新版本已就绪。',
  'update.reload': '重新加载以更新',
  'update.later': '稍后',
  'loading': '加载中…',
  'error.generic': '出错了：{message}',
};
