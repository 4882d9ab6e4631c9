import { chongqingRegionOf, YU_DONGBEI, YU_DONGNAN } from './regions';

/** RULES.md "Shared definitions" → Regions, used by S1-5 (30% quota) and S4-1 (staff bar). */
describe('Regions: 渝东北 / 渝东南 (S1-5, S4-1)', () => {
  it('Regions: 渝东北 has 11 districts and 渝东南 6', () => {
    expect(YU_DONGBEI).toHaveLength(11);
    expect(YU_DONGNAN).toHaveLength(6);
  });

  it.each([...YU_DONGBEI])('Regions: %s is in 渝东北', (district) => {
    expect(chongqingRegionOf(district)).toBe('渝东北');
  });

  it.each([...YU_DONGNAN])('Regions: %s is in 渝东南', (district) => {
    expect(chongqingRegionOf(district)).toBe('渝东南');
  });

  it.each([
    ['万州', '渝东北'],
    ['忠县', '渝东北'],
    ['重庆市巫溪县', '渝东北'],
    [' 开州区 ', '渝东北'],
    ['黔江', '渝东南'],
    ['彭水', '渝东南'],
  ])('Regions: the short or prefixed name %j is recognised as %s', (district, region) => {
    expect(chongqingRegionOf(district)).toBe(region);
  });

  it.each([
    '石柱土家族自治县',
    '秀山土家族苗族自治县',
    '酉阳土家族苗族自治县',
    '彭水苗族土家族自治县',
  ])('Regions: the full autonomous-county name %s is in 渝东南', (district) => {
    expect(chongqingRegionOf(district)).toBe('渝东南');
  });

  it.each(['两江新区', '高新区', '万盛经开区', '渝中区', '江北区', '万州经开区', ''])(
    'Regions: %j is in neither (other)',
    (district) => {
      expect(chongqingRegionOf(district)).toBe('other');
    },
  );
});
