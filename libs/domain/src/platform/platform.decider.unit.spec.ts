import { platformDecider } from '../deciders';
import { specificationFor, stateAfter } from '../testing/decider-specification';
import { demoFiling, enterpriseUscc, filed, meta, windowFiling } from '../testing/fixtures';
import type { PlatformCommand } from './platform.commands';
import type {
  OperatorProfileUpdated,
  PlatformCertified,
  PlatformEvent,
  PlatformFiled,
  PlatformReReviewed,
} from './platform.events';

const spec = specificationFor(platformDecider);
const NOW = '2025-06-01T02:00:00.000Z';
const admin = meta('admin', NOW);

const file = (data: PlatformFiled['data']): PlatformCommand => ({
  type: 'FilePlatform',
  data,
  metadata: admin,
});

const certification: PlatformCertified['data'] = {
  certificationId: '渝经信中小〔2022〕112号',
  level: 'municipal',
  authority: '重庆市经济和信息化委员会',
  certifiedAt: '2022-12-20',
  validUntil: '2025-12-19',
};
const certify = (o: Partial<PlatformCertified['data']> = {}): PlatformCommand => ({
  type: 'CertifyPlatform',
  data: { ...certification, ...o },
  metadata: admin,
});
const certified: PlatformEvent = { type: 'PlatformCertified', data: certification };

const reReviewed = (passed: boolean, validUntil: string | null): PlatformReReviewed => ({
  type: 'PlatformReReviewed',
  data: {
    reviewedAt: '2025-11-30',
    passed,
    opinion: passed ? '复核合格' : '复核不合格',
    validUntil,
  },
});
const reReview = (passed: boolean, validUntil: string | null): PlatformCommand => ({
  type: 'ReReviewPlatform',
  data: reReviewed(passed, validUntil).data,
  metadata: admin,
});

const revocation = { revokedAt: '2025-03-01', reason: '主动申请撤销', ruleId: null };
const revokedEvent: PlatformEvent = { type: 'PlatformRevoked', data: revocation };
const revokeAt = (revokedAt: string): PlatformCommand => ({
  type: 'RevokePlatform',
  data: { ...revocation, revokedAt },
  metadata: admin,
});
const revoke = revokeAt(revocation.revokedAt);

const profile: OperatorProfileUpdated['data'] = {
  asOf: '2025-03-31',
  assetsFen: 350_000_000, // 3,500,000 元
  revenueFen: 128_000_000,
  operatingSince: '2019-04-01',
  siteAreaM2: 1200.5,
  staff: [
    { name: '张伟', education: 'master', title: 'intermediate' },
    { name: '李娜', education: 'bachelor', title: 'senior' },
  ],
  institutions: [
    { uscc: enterpriseUscc(11), name: '重庆德恒律师事务所' },
    { uscc: enterpriseUscc(12), name: '重庆天健会计师事务所' },
  ],
  creditStatus: 'good',
};
const updateProfile = (o: Partial<OperatorProfileUpdated['data']> = {}): PlatformCommand => ({
  type: 'UpdateOperatorProfile',
  data: { ...profile, ...o },
  metadata: admin,
});

const link = (windowPlatformId: string): PlatformCommand => ({
  type: 'LinkWindowPlatform',
  data: { windowPlatformId },
  metadata: admin,
});

describe('D-PLATFORM-FILED: a platform is filed (备案) once, before anything else', () => {
  it('D-PLATFORM-FILED: filing a new platform is accepted', () => {
    spec.given().when(file(windowFiling)).then(filed(windowFiling));
  });

  it('D-PLATFORM-FILED: filing the same platform again is a CONFLICT', () => {
    spec
      .given(filed(windowFiling))
      .when(file(windowFiling))
      .thenRejects({ code: 'CONFLICT', ruleId: 'D-PLATFORM-FILED', field: 'platformId' });
  });

  it.each([certify(), reReview(true, '2028-12-19'), revoke, updateProfile(), link('x')])(
    'D-PLATFORM-FILED: $type on an unfiled platform is NOT_FOUND',
    (command) => {
      spec.given().when(command).thenRejects({ code: 'NOT_FOUND', ruleId: 'D-PLATFORM-FILED' });
    },
  );
});

describe('D-USCC / D-DATE: the filing names a valid operator and date', () => {
  it('D-USCC: an operator USCC with a wrong check character is refused', () => {
    spec
      .given()
      .when(file({ ...windowFiling, operatorUscc: '12500101MB1C2D3E4X' }))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'D-USCC', field: 'operatorUscc' });
  });

  it('D-DATE: a filing date that is not ISO 8601 is refused', () => {
    spec
      .given()
      .when(file({ ...windowFiling, filedAt: '2023年3月15日' }))
      .thenRejects({ ruleId: 'D-DATE', field: 'filedAt' });
  });
});

describe('D-KIND-LEVEL: a demonstration platform has a level, a window platform none', () => {
  it('D-KIND-LEVEL: a national demonstration platform is accepted', () => {
    const national = {
      ...demoFiling,
      level: 'national',
      name: '渝创中小企业公共服务平台',
    } as const;
    spec.given().when(file(national)).then(filed(national));
  });

  it('D-KIND-LEVEL: a demonstration platform without a level is refused', () => {
    spec
      .given()
      .when(file({ ...demoFiling, level: null }))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'D-KIND-LEVEL', field: 'level' });
  });

  it('D-KIND-LEVEL: a window platform with a level is refused', () => {
    spec
      .given()
      .when(file({ ...windowFiling, kind: 'industry_window', level: 'provincial' }))
      .thenRejects({ ruleId: 'D-KIND-LEVEL', field: 'level' });
  });
});

describe('S4-5: a Chongqing municipal demonstration platform is named 重庆市 + 字号 + 中小企业公共服务示范平台', () => {
  it.each(['重庆市渝创中小企业公共服务示范平台', '重庆市两江智造中小企业公共服务示范平台'])(
    'S4-5: %s is accepted',
    (name) => {
      spec
        .given()
        .when(file({ ...demoFiling, name }))
        .then(filed({ ...demoFiling, name }));
    },
  );

  it.each([
    '渝创中小企业公共服务示范平台',
    '重庆市中小企业公共服务示范平台',
    '重庆市渝创中小企业公共服务平台',
    '重庆渝创中小企业公共服务示范平台',
    '重庆市渝创中小企业公共服务示范平台（万州）',
  ])('S4-5: %s is refused', (name) => {
    spec
      .given()
      .when(file({ ...demoFiling, name }))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'S4-5', field: 'name' });
  });

  it('S4-5: does not apply to window platforms', () => {
    const name = '万州区中小企业服务窗口';
    spec
      .given()
      .when(file({ ...windowFiling, name }))
      .then(filed({ ...windowFiling, name }));
  });

  it('S4-5: does not apply to national or provincial demonstration platforms in Chongqing', () => {
    const provincial = { ...demoFiling, level: 'provincial', name: '渝创企业服务平台' } as const;
    spec.given().when(file(provincial)).then(filed(provincial));
  });

  it('S4-5: a municipal certification of a platform filed at another level needs the name too', () => {
    const provincial = { ...demoFiling, level: 'provincial', name: '渝创企业服务平台' } as const;
    spec
      .given(filed(provincial))
      .when(certify({ level: 'municipal' }))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'S4-5', field: 'level' });
    spec
      .given(filed(provincial))
      .when(certify({ level: 'provincial' }))
      .thenAccepts();
  });

  it('S4-5: does not apply to municipal demonstration platforms of other provinces', () => {
    const bengbu = {
      ...demoFiling,
      platformId: 'bengbu-huaishang-demo',
      name: '蚌埠市淮商中小企业公共服务示范平台',
      province: '安徽省',
      district: '蚌山区',
    };
    spec.given().when(file(bengbu)).then(filed(bengbu));
  });
});

describe('S3-1: only a demonstration platform is certified, with a validity after certification', () => {
  it('S3-1: certifying a demonstration platform is accepted', () => {
    spec.given(filed(demoFiling)).when(certify()).then(certified);
  });

  it('S3-1: certifying a window platform is refused', () => {
    spec
      .given(filed(windowFiling))
      .when(certify())
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'S3-1', field: 'level' });
  });

  it.each(['2022-12-20', '2022-12-19'])(
    'S3-1: a validity ending %s (not after certification) is refused',
    (validUntil) => {
      spec
        .given(filed(demoFiling))
        .when(certify({ validUntil }))
        .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'S3-1', field: 'validUntil' });
    },
  );

  it('D-DATE: an unparseable certification date is refused', () => {
    spec
      .given(filed(demoFiling))
      .when(certify({ certifiedAt: '2022-12-32' }))
      .thenRejects({ ruleId: 'D-DATE', field: 'certifiedAt' });
  });
});

describe('S4-4: the three-yearly re-review; failure revokes the platform', () => {
  it('S4-4: an uncertified platform cannot be re-reviewed', () => {
    spec
      .given(filed(demoFiling))
      .when(reReview(true, '2028-12-19'))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'S4-4' });
  });

  it('S4-4: a passed re-review is recorded and extends the validity', () => {
    spec
      .given(filed(demoFiling), certified)
      .when(reReview(true, '2028-12-19'))
      .then(reReviewed(true, '2028-12-19'));
    const state = stateAfter(platformDecider, [
      filed(demoFiling),
      certified,
      reReviewed(true, '2028-12-19'),
    ]);
    expect(state.status === 'filed' && state.certification?.validUntil).toBe('2028-12-19');
  });

  it('S4-4: a passed re-review without a new validity is refused', () => {
    spec
      .given(filed(demoFiling), certified)
      .when(reReview(true, null))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'S4-4', field: 'validUntil' });
  });

  it('S4-4: a passed re-review whose validity ends before the review is refused', () => {
    spec
      .given(filed(demoFiling), certified)
      .when(reReview(true, '2025-11-30'))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'S4-4', field: 'validUntil' });
  });

  it('D-DATE: a new validity that is not a date is refused', () => {
    spec
      .given(filed(demoFiling), certified)
      .when(reReview(true, '三年'))
      .thenRejects({ ruleId: 'D-DATE', field: 'validUntil' });
  });

  it('S4-4: a failed re-review ignores the validity it carries', () => {
    spec
      .given(filed(demoFiling), certified)
      .when(reReview(false, '2025-12-19'))
      .then(reReviewed(false, '2025-12-19'), {
        type: 'PlatformRevoked',
        data: { revokedAt: '2025-11-30', reason: 're-review failed', ruleId: 'S4-4' },
      });
  });

  it('S4-4: a failed re-review emits PlatformReReviewed and PlatformRevoked citing S4-4', () => {
    spec
      .given(filed(demoFiling), certified)
      .when(reReview(false, null))
      .then(reReviewed(false, null), {
        type: 'PlatformRevoked',
        data: { revokedAt: '2025-11-30', reason: 're-review failed', ruleId: 'S4-4' },
      });
  });
});

describe('D-PLATFORM-ACTIVE: a revoked platform accepts no further command', () => {
  it('D-PLATFORM-ACTIVE: revoking a filed platform is accepted', () => {
    spec.given(filed(demoFiling)).when(revoke).then(revokedEvent);
  });

  it('D-DATE: a revocation date that is not ISO 8601 is refused', () => {
    spec
      .given(filed(demoFiling))
      .when(revokeAt('03/01/2025'))
      .thenRejects({ ruleId: 'D-DATE', field: 'revokedAt' });
  });

  it.each([
    certify(),
    reReview(true, '2028-12-19'),
    revoke,
    updateProfile(),
    link('cq-yuzhong-window'),
  ])('D-PLATFORM-ACTIVE: $type after revocation is refused', (command) => {
    spec
      .given(filed(demoFiling), certified, revokedEvent)
      .when(command)
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-PLATFORM-ACTIVE' });
  });

  it('D-PLATFORM-FILED: filing a revoked platform again is still a CONFLICT', () => {
    spec
      .given(filed(demoFiling), revokedEvent)
      .when(file(demoFiling))
      .thenRejects({ code: 'CONFLICT', ruleId: 'D-PLATFORM-FILED' });
  });
});

describe('D-PROFILE / D-MONEY: the operator profile (S4-1 basic conditions)', () => {
  it('D-PROFILE: a complete profile is accepted', () => {
    spec
      .given(filed(demoFiling))
      .when(updateProfile())
      .then({ type: 'OperatorProfileUpdated', data: profile });
  });

  it('S0-8: institutions flagged 重点服务机构 (key) are accepted beside unflagged ones', () => {
    const institutions = [
      { uscc: enterpriseUscc(11), name: '重庆德恒律师事务所', key: true },
      { uscc: enterpriseUscc(12), name: '重庆天健会计师事务所', key: false },
      { uscc: enterpriseUscc(13), name: '重庆市科技服务中心' },
    ];
    spec
      .given(filed(demoFiling))
      .when(updateProfile({ institutions }))
      .then({ type: 'OperatorProfileUpdated', data: { ...profile, institutions } });
  });

  it('D-MONEY: zero assets are accepted', () => {
    spec
      .given(filed(demoFiling))
      .when(updateProfile({ assetsFen: 0 }))
      .then({ type: 'OperatorProfileUpdated', data: { ...profile, assetsFen: 0 } });
  });

  it('D-MONEY: negative assets are refused', () => {
    spec
      .given(filed(demoFiling))
      .when(updateProfile({ assetsFen: -1 }))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'D-MONEY', field: 'assetsFen' });
  });

  it('D-MONEY: a fractional amount (元 with 分 decimals) is refused', () => {
    spec
      .given(filed(demoFiling))
      .when(updateProfile({ revenueFen: 1280000.5 }))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'D-MONEY', field: 'revenueFen' });
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])(
    'D-PROFILE: a site area of %d m² is refused',
    (siteAreaM2) => {
      spec
        .given(filed(demoFiling))
        .when(updateProfile({ siteAreaM2 }))
        .thenRejects({ ruleId: 'D-PROFILE', field: 'siteAreaM2' });
    },
  );

  it('D-USCC: an invalid institution USCC names its index', () => {
    const institutions = [...profile.institutions, { uscc: '91500000MA0000012X', name: '某机构' }];
    spec
      .given(filed(demoFiling))
      .when(updateProfile({ institutions }))
      .thenRejects({ ruleId: 'D-USCC', field: 'institutions[2].uscc' });
  });

  it('D-DATE: an unparseable operatingSince is refused', () => {
    spec
      .given(filed(demoFiling))
      .when(updateProfile({ operatingSince: '2019年' }))
      .thenRejects({ ruleId: 'D-DATE', field: 'operatingSince' });
  });
});

describe('S0-4: a demonstration platform that also runs a window platform is linked to it', () => {
  it('S0-4: linking a demonstration platform records the link at the command time', () => {
    spec
      .given(filed(demoFiling))
      .when(link(windowFiling.platformId))
      .then({
        type: 'WindowPlatformLinked',
        data: { windowPlatformId: windowFiling.platformId, linkedAt: NOW },
      });
  });

  it('S0-4: a window platform cannot link to a window platform', () => {
    spec
      .given(filed(windowFiling))
      .when(link('cq-kaizhou-window'))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'S0-4', field: 'windowPlatformId' });
  });

  it('S0-4: a platform cannot link to itself', () => {
    spec
      .given(filed(demoFiling))
      .when(link(demoFiling.platformId))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'S0-4', field: 'windowPlatformId' });
  });
});
