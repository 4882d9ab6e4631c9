import {
  ascendingInstant,
  ascendingText,
  describeKeys,
  descendingNumber,
  rankBy,
  type RankKey,
} from './tie-break';

interface Entry {
  readonly id: string;
  readonly score: number;
  readonly filedAt: string;
}

const keys: readonly RankKey<Entry>[] = [
  descendingNumber('score', (e) => e.score),
  ascendingInstant('filedAt', (e) => e.filedAt),
  ascendingText('platformId', (e) => e.id),
];

const entries: readonly Entry[] = [
  { id: 'c', score: 80, filedAt: '2023-01-01' },
  { id: 'b', score: 90, filedAt: '2023-05-01' },
  { id: 'a', score: 90, filedAt: '2023-05-01' },
  { id: 'd', score: 90, filedAt: '2022-12-31' },
  { id: 'e', score: 90, filedAt: 'not a date' },
];

describe('S1-5 / S3-5 deterministic ranking with a documented tie-break', () => {
  it('given equal scores, when ranked, then the earlier filing and then the id decide', () => {
    expect(rankBy(entries, keys).map(({ item, rank }) => `${String(rank)}:${item.id}`)).toEqual([
      '1:d',
      '2:a',
      '3:b',
      '4:e',
      '5:c',
    ]);
  });

  it('given any input order, the ranking is the same and ranks are unique', () => {
    const reversed = rankBy([...entries].reverse(), keys).map(({ item }) => item.id);
    expect(reversed).toEqual(rankBy(entries, keys).map(({ item }) => item.id));
    expect(new Set(rankBy(entries, keys).map(({ rank }) => rank)).size).toBe(entries.length);
  });

  it('does not modify its input', () => {
    const copy = [...entries];
    rankBy(entries, keys);
    expect(entries).toEqual(copy);
  });

  it('names its keys for rule details', () => {
    expect(describeKeys(keys)).toBe('score desc, then filedAt asc, then platformId asc');
  });
});
