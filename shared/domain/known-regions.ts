import type { Locale } from './locale';

/**
 * Display names for the regions the app knows (DescribeRegions returns IDs only). A region not listed here is
 * still usable; it is shown by its ID.
 */
export const knownRegions: ReadonlyArray<{ id: string; name: Record<Locale, string> }> = [
  { id: 'cn-beijing', name: { 'zh-CN': '华北2（北京）', 'en-US': 'China North 2 (Beijing)' } },
  { id: 'cn-shanghai', name: { 'zh-CN': '华东2（上海）', 'en-US': 'China East 2 (Shanghai)' } },
  { id: 'cn-guangzhou', name: { 'zh-CN': '华南1（广州）', 'en-US': 'China South 1 (Guangzhou)' } },
  { id: 'cn-hongkong', name: { 'zh-CN': '中国香港', 'en-US': 'China (Hong Kong)' } },
  { id: 'ap-southeast-1', name: { 'zh-CN': '亚太东南（柔佛）', 'en-US': 'Asia Pacific Southeast (Johor)' } },
];

export function regionDisplayName(regionId: string, locale: Locale): string {
  const known = knownRegions.find((region) => region.id === regionId);
  return known === undefined ? regionId : `${known.name[locale]} ${regionId}`;
}
