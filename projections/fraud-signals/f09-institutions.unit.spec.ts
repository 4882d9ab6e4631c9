import {
  activity,
  retraction,
  service,
  submitted,
  uscc,
} from '../platform-year-metrics/testing/year-events';
import { eventId } from '../platforms/testing/platform-events';
import { profile, signalsOfRule } from './testing/fraud-events';

const INSTITUTIONS = Array.from({ length: 5 }, (_, index) => ({
  uscc: uscc(900 + index),
  name: `服务机构${String(index + 1)}`,
}));

/** Services naming the first `count` institutions. */
function delivered(count: number) {
  return INSTITUTIONS.slice(0, count).map((institution, index) =>
    service(index + 1, { institutionUscc: institution.uscc }),
  );
}

describe('F-9 paper institutions', () => {
  it('fires when listed institutions deliver no service in the year; high below the bar of 5', () => {
    const [signal, ...rest] = signalsOfRule('F-9', null, profile(1, INSTITUTIONS), ...delivered(3));
    expect(rest).toEqual([]);
    expect(signal).toMatchObject({
      signalId: 'F-9.cq-wanzhou-window.2025.paper-institutions',
      kind: 'institutions_without_services',
      severity: 'high',
      fabricates: null,
      eventIds: [eventId(1)],
      figures: { listed: 5, delivering: 3, paper: 2, bar: 5 },
    });
    expect(signal?.sentence.zh).toContain(
      `运营档案列出的 5 家服务机构中有 2 家在 2025 年没有任何服务记录：服务机构4（${uscc(903)}）、服务机构5（${uscc(904)}）`,
    );
  });

  it('a year with a submission but no service at all lists every institution', () => {
    const [signal] = signalsOfRule('F-9', null, profile(1, INSTITUTIONS), submitted(1));
    expect(signal?.figures).toMatchObject({ listed: 5, delivering: 0, paper: 5 });
  });

  it('reads the profiles in force in the year: a later profile does not reach back', () => {
    const [signal] = signalsOfRule(
      'F-9',
      null,
      profile(1, INSTITUTIONS.slice(0, 3), '2024-06-01'),
      profile(2, INSTITUTIONS, '2026-01-15'),
      ...delivered(3),
    );
    expect(signal).toBeUndefined();
  });

  it('a retraction of the only service naming an institution leaves it on paper', () => {
    const [signal] = signalsOfRule(
      'F-9',
      null,
      profile(1, INSTITUTIONS),
      ...delivered(5),
      retraction(10, 5),
    );
    expect(signal?.figures).toMatchObject({ delivering: 4, paper: 1 });
  });

  it('low when fewer are listed than the bar: the idle ones do not lift the count to it', () => {
    const [signal] = signalsOfRule(
      'F-9',
      null,
      profile(1, INSTITUTIONS.slice(0, 3)),
      ...delivered(2),
    );
    expect(signal).toMatchObject({
      severity: 'low',
      figures: { listed: 3, delivering: 2, paper: 1 },
    });
  });

  it('near miss: a year whose only record, an activity, is retracted is not a year F-9 reads', () => {
    expect(
      signalsOfRule('F-9', null, profile(1, INSTITUTIONS), activity(1, {}), retraction(10, 1)),
    ).toEqual([]);
  });

  it('near miss: every listed institution delivered; no profile at all', () => {
    expect(signalsOfRule('F-9', null, profile(1, INSTITUTIONS), ...delivered(5))).toEqual([]);
    expect(signalsOfRule('F-9', null, ...delivered(2))).toEqual([]);
  });
});
