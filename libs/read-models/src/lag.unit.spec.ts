import { lagBehind } from './lag';

describe('lagBehind', () => {
  it('is 0 on an empty log, even for a model that has applied nothing', () => {
    expect(lagBehind(0, -1)).toBe(0);
  });
  it('counts every event for a model that has applied nothing, and the rest for one that has', () => {
    expect(lagBehind(5, -1)).toBe(5);
    expect(lagBehind(5, 3)).toBe(2);
    expect(lagBehind(5, 5)).toBe(0);
  });
  it('is never negative (a head read before a commit landed)', () => {
    expect(lagBehind(4, 5)).toBe(0);
  });
});
