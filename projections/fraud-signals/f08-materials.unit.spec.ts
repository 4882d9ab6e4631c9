import { activity, id, retraction } from '../platform-year-metrics/testing/year-events';
import { OTHER_PLATFORM, signalsOfRule, upload } from './testing/fraud-events';

const SHA = 'c0ffee'.padEnd(64, '0');
const OTHER = { platformId: OTHER_PLATFORM };

describe('F-8 evidence reuse', () => {
  it('fires for each platform-year when two platforms upload the same file', () => {
    const signals = signalsOfRule(
      'F-8',
      null,
      activity(10),
      activity(20, {}, OTHER),
      upload(1, SHA, [id(10)]),
      upload(2, SHA, [id(20)], OTHER),
      upload(3, 'd'.repeat(64), [id(10)]),
    );
    expect(signals.map((signal) => [signal.signalId, signal.otherPlatforms])).toEqual([
      [`F-8.cq-fuling-window.2025.same-material.${SHA}`, ['cq-wanzhou-window']],
      [`F-8.cq-wanzhou-window.2025.same-material.${SHA}`, ['cq-fuling-window']],
    ]);
    for (const signal of signals) {
      expect(signal).toMatchObject({
        ruleId: 'F-8',
        kind: 'same_material',
        severity: 'high',
        fabricates: 'activities',
        // Each platform-year's signal names its own uploads; figures count every claim.
        eventIds: [signal.platformId === OTHER.platformId ? id(2) : id(1)],
        figures: { sha256: SHA, claims: 2, platforms: 2, evidenceSets: 2 },
      });
      expect(signal.sentence.zh).toBe(
        '同一份材料（SHA-256 c0ffee000000…）被上传 2 次，涉及 2 个平台、2 组不同的佐证对象',
      );
    }
  });

  it('one file shared by 50 platforms: each signal names its own upload, not all 50', () => {
    const signals = signalsOfRule(
      'F-8',
      null,
      ...Array.from({ length: 50 }, (_, index) =>
        upload(index + 1, SHA, [id(100 + index)], { platformId: `cq-window-${String(index)}` }),
      ),
    );
    expect(signals).toHaveLength(50);
    for (const signal of signals) {
      expect(signal.eventIds).toHaveLength(1);
      expect(signal.otherPlatforms).toHaveLength(49);
      expect(signal.figures).toMatchObject({ claims: 50, platforms: 50 });
    }
  });

  it('fires on one platform attaching the same file to different activities', () => {
    const [signal, ...rest] = signalsOfRule(
      'F-8',
      null,
      activity(10),
      activity(11),
      upload(1, SHA, [id(10)]),
      upload(2, SHA, [id(11)]),
    );
    expect(rest).toEqual([]);
    expect(signal).toMatchObject({
      severity: 'medium',
      eventIds: [id(1), id(2)],
      otherPlatforms: [],
      figures: { platforms: 1, evidenceSets: 2 },
    });
  });

  it('near miss: the same file re-uploaded for the same activity or for nothing in particular', () => {
    expect(
      signalsOfRule(
        'F-8',
        null,
        activity(10),
        upload(1, SHA, [id(10)]),
        upload(2, SHA, [id(10)]),
        upload(3, SHA, []),
      ),
    ).toEqual([]);
  });

  it('a retraction of the other platform’s upload withdraws both signals', () => {
    expect(
      signalsOfRule(
        'F-8',
        null,
        upload(1, SHA, [id(10)]),
        upload(2, SHA, [id(20)], OTHER),
        retraction(3, 2, OTHER),
      ),
    ).toEqual([]);
  });
});
