import {
  isValidPlatformId,
  isValidYear,
  parsePlatformYearStream,
  platformStream,
  platformYearStream,
  tokenStream,
} from './streams';

/** DESIGN.md "Streams and events": names are built and parsed in one place. */
describe('Streams: names and their parsing', () => {
  it('Streams: platform, platform-year and token streams', () => {
    expect(platformStream('cq-wanzhou-window')).toBe('platform-cq-wanzhou-window');
    expect(platformYearStream('cq-wanzhou-window', 2025)).toBe(
      'platformyear-cq-wanzhou-window_2025',
    );
    expect(tokenStream('0195f3c2-7a10-4b5e-9c1d-000000000001')).toBe(
      'token-0195f3c2-7a10-4b5e-9c1d-000000000001',
    );
  });

  it.each(['cq-wanzhou-window', 'A1', '5', 'bengbu-demo-01'])(
    'Streams: platformyear-%s_{year} parses back to its id and year',
    (platformId) => {
      for (const year of [2000, 2025, 2100]) {
        expect(parsePlatformYearStream(platformYearStream(platformId, year))).toEqual({
          platformId,
          year,
        });
      }
    },
  );

  it.each([
    'platform-cq-wanzhou-window',
    'platformyear-cq-wanzhou-window',
    'platformyear-cq-wanzhou-window_25',
    'platformyear-cq_wanzhou_2025',
    'platformyear--x_2025',
  ])('Streams: %s is not a platform-year stream', (stream) => {
    expect(parsePlatformYearStream(stream)).toBeNull();
  });

  it('Streams: a platform id is 1..64 letters, digits and inner hyphens', () => {
    expect(isValidPlatformId('a'.repeat(64))).toBe(true);
    expect(isValidPlatformId('a'.repeat(65))).toBe(false);
    for (const bad of ['', '-cq', 'cq_wanzhou', 'cq wanzhou', '万州窗口']) {
      expect(isValidPlatformId(bad)).toBe(false);
    }
  });

  it('Streams: a year is an integer in 2000..2100', () => {
    expect([1999, 2000, 2100, 2101, 2025.5].map(isValidYear)).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
  });
});
