import type { Strings } from '../define.ts';
import type { strings as en } from '../en/options.ts';

export const strings: Strings<keyof typeof en> = {
  'options.label': '规格',
  'options.choose': '请选择{groups}',
  'options.unavailable': '已售罄',
  'options.chosen': '已选：{values}',
  'options.range': '{min} – {max}',
  'options.offerFrom': '{price} 起',
  'options.offerOn': '仅限：{list}',
  'options.offerOnCount': '仅限 {total} 种规格中的 {count} 种',
  'options.listSep': '；',
  'options.filter': '按规格筛选',
  'options.filterGroup': '{group}：',
  'options.and': '、',
  'problem.combination-needed': '请先选择这件商品的规格。',
  'problem.unknown-combination': '这个规格已不再出售，请重新选择。',
  'problem.combination-off': '这个规格暂不出售。',
  'csv.err.option-cell': '应写明规格名和规格值，例如 "Weight: 250 g"，实际是 {value}。',
};
