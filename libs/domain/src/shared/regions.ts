/** RULES.md "Shared definitions": Chongqing's two outlying regions (S1-5 quota, S4-1 staff bar). */
export const YU_DONGBEI = [
  '万州区',
  '开州区',
  '梁平区',
  '城口县',
  '丰都县',
  '垫江县',
  '忠县',
  '云阳县',
  '奉节县',
  '巫山县',
  '巫溪县',
] as const;
export const YU_DONGNAN = ['黔江区', '武隆区', '石柱县', '秀山县', '酉阳县', '彭水县'] as const;

export type ChongqingRegion = '渝东北' | '渝东南' | 'other';

/** Accepts the short (万州) or full (万州区 / 石柱土家族自治县) form of a district name. */
export function chongqingRegionOf(district: string): ChongqingRegion {
  const short = shortDistrictName(district);
  if (YU_DONGBEI.some((name) => shortDistrictName(name) === short)) return '渝东北';
  if (YU_DONGNAN.some((name) => shortDistrictName(name) === short)) return '渝东南';
  return 'other';
}

/** 万州, 万州区 and 重庆市万州区 name the same district. */
export function sameDistrict(a: string, b: string): boolean {
  return shortDistrictName(a) === shortDistrictName(b);
}

function shortDistrictName(name: string): string {
  const trimmed = name.trim().replace(/^重庆市/, '');
  const autonomous = /^(.+?)(土家族|苗族).*自治县$/.exec(trimmed);
  if (autonomous?.[1] !== undefined) return autonomous[1];
  return trimmed.replace(/(区|县)$/, '');
}
