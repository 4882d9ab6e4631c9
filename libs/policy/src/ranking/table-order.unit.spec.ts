import { tableOrder } from './table-order';
import { ascendingText, descendingNumber, type RankKey } from './tie-break';

interface Line {
  readonly id: string;
  readonly graded: boolean;
  readonly rank: number | null;
  readonly score: number;
}

const line = (id: string, graded: boolean, rank: number | null, score = 0): Line => ({
  id,
  graded,
  rank,
  score,
});

const tieBreak: readonly RankKey<Line>[] = [
  descendingNumber('score', (l) => l.score),
  ascendingText('platformId', (l) => l.id),
];

const order = (lines: readonly Line[]) =>
  tableOrder(lines, (l) => l.rank, tieBreak).map((l) => l.id);

describe('S1-5 / S3-5 result table order (序号)', () => {
  it('given ranked, graded-unranked and not graded lines, then ranked by rank, the others by the tie-break, the rest as enrolled', () => {
    // given lines enrolled in a mixed order
    const lines = [
      line('out-2', false, null),
      line('r2', true, 2),
      line('direct-low', true, null, 40),
      line('out-1', false, null),
      line('r1', true, 1),
      line('direct-high', true, null, 70),
    ];
    // then
    expect(order(lines)).toEqual(['r1', 'r2', 'direct-high', 'direct-low', 'out-2', 'out-1']);
  });

  it('given graded-unranked lines with equal scores, then the tie-break’s last key (the id) decides', () => {
    expect(order([line('b', true, null, 50), line('a', true, null, 50)])).toEqual(['a', 'b']);
  });

  it('given no lines, then an empty table', () => {
    expect(order([])).toEqual([]);
  });
});
