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
  'csv.err.cover-cell': '应为 true、false 或金额（例如 12.90，该规格的活动价），实际是 {value}。',
  'csv.err.cover-no-options': '应留空：只有多规格商品才需说明活动适用于哪些规格。',
  'csv.err.cover-no-offer': '应留空或填 false：这件商品没有这个活动。',
  'csv.err.any-no-options': '应留空或填 false：只有多规格商品的拼团才能混合不同规格。',
  'csv.err.cover-none': '活动没有适用任何规格：请至少把一行设为 true，或把这一列在该商品的每一行都留空（表示全部规格）。',
};
