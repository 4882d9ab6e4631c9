import { accept, reject, type Decision, assertNever } from '../shared/decision';
import { parseInstant } from '../shared/dates';
import type { PlatformCommand } from './platform.commands';
import type { PlatformEvent, PlatformFiled, OperatorProfileUpdated } from './platform.events';
import type { FiledPlatform, PlatformState } from './platform.state';
import {
  firstFieldProblem,
  nonNegativeInteger,
  validDate,
  validUscc,
} from '../shared/field-checks';

/** S4-5: "重庆市 + 字号 + 中小企业公共服务示范平台". */
/** S4-5 (seed 004 第十条(五)): "重庆市 + 字号 + 中小企业公共服务示范平台". */
export function isChongqingDemoName(name: string): boolean {
  return /^重庆市.+中小企业公共服务示范平台$/.test(name.trim());
}

export function decidePlatform(
  command: PlatformCommand,
  state: PlatformState,
): Decision<PlatformEvent> {
  if (command.type === 'FilePlatform') return decideFiling(command.data, state);
  if (state.status === 'unfiled') {
    return reject('NOT_FOUND', 'D-PLATFORM-FILED', 'the platform has not been filed (备案)');
  }
  if (state.status === 'revoked') {
    return reject('RULE_VIOLATION', 'D-PLATFORM-ACTIVE', 'the platform has been revoked');
  }
  const { filing } = state;
  switch (command.type) {
    case 'CertifyPlatform': {
      if (filing.kind !== 'demonstration') {
        return reject(
          'RULE_VIOLATION',
          'S3-1',
          'only a demonstration platform is certified',
          'level',
        );
      }
      const problem = firstFieldProblem([
        validDate('certifiedAt', command.data.certifiedAt),
        validDate('validUntil', command.data.validUntil),
      ]);
      if (problem) return problem;
      if (instant(command.data.validUntil) <= instant(command.data.certifiedAt)) {
        return reject(
          'VALIDATION_FAILED',
          'S3-1',
          'validity must end after certification',
          'validUntil',
        );
      }
      if (
        command.data.level === 'municipal' &&
        !hasChongqingDemoName({ ...filing, level: 'municipal' })
      ) {
        // The name is checked at filing for municipal platforms; a later municipal certification
        // of a platform filed at another level must meet S4-5 as well.
        return reject(
          'VALIDATION_FAILED',
          'S4-5',
          'name must read 重庆市 + 字号 + 中小企业公共服务示范平台',
          'level',
        );
      }
      return accept({ type: 'PlatformCertified', data: command.data });
    }
    case 'ReReviewPlatform': {
      if (state.certification === null) {
        return reject('RULE_VIOLATION', 'S4-4', 'only a certified platform is re-reviewed');
      }
      const problem = validDate('reviewedAt', command.data.reviewedAt);
      if (problem) return problem;
      const { passed, reviewedAt, validUntil } = command.data;
      if (passed && validUntil === null) {
        return reject(
          'VALIDATION_FAILED',
          'S4-4',
          'a passed re-review sets the new validity',
          'validUntil',
        );
      }
      // Only a pass sets a validity; a failed review's validUntil is not read (evolve ignores it).
      if (passed && validUntil !== null) {
        const until = validDate('validUntil', validUntil);
        if (until) return until;
        if (instant(validUntil) <= instant(reviewedAt)) {
          return reject(
            'VALIDATION_FAILED',
            'S4-4',
            'the new validity must end after the re-review',
            'validUntil',
          );
        }
      }
      const reviewed: PlatformEvent = { type: 'PlatformReReviewed', data: command.data };
      if (command.data.passed) return accept(reviewed);
      // S4-4: a failed re-review revokes the certification (撤消).
      return accept<PlatformEvent>(reviewed, {
        type: 'PlatformRevoked',
        data: { revokedAt: command.data.reviewedAt, reason: 're-review failed', ruleId: 'S4-4' },
      });
    }
    case 'RevokePlatform': {
      const problem = validDate('revokedAt', command.data.revokedAt);
      return problem ?? accept({ type: 'PlatformRevoked', data: command.data });
    }
    case 'UpdateOperatorProfile':
      return decideProfile(command.data);
    case 'CompletePlatformConstruction':
      return decideConstructionCompletion(command.data.completedAt, state);
    case 'LinkWindowPlatform': {
      if (filing.kind !== 'demonstration') {
        return reject(
          'RULE_VIOLATION',
          'S0-4',
          'only a demonstration platform links to a window platform',
          'windowPlatformId',
        );
      }
      if (command.data.windowPlatformId === filing.platformId) {
        return reject(
          'VALIDATION_FAILED',
          'S0-4',
          'a platform cannot link to itself',
          'windowPlatformId',
        );
      }
      return accept({
        type: 'WindowPlatformLinked',
        data: { windowPlatformId: command.data.windowPlatformId, linkedAt: command.metadata.now },
      });
    }
    default:
      return assertNever(command);
  }
}

function decideFiling(data: PlatformFiled['data'], state: PlatformState): Decision<PlatformEvent> {
  if (state.status !== 'unfiled') {
    return reject(
      'CONFLICT',
      'D-PLATFORM-FILED',
      `platform ${data.platformId} is already filed`,
      'platformId',
    );
  }
  const uscc = validUscc('operatorUscc', data.operatorUscc);
  if (uscc) return uscc;
  const date = validDate('filedAt', data.filedAt);
  if (date) return date;
  if ((data.kind === 'demonstration') !== (data.level !== null)) {
    return reject(
      'VALIDATION_FAILED',
      'D-KIND-LEVEL',
      'a demonstration platform has a level (national / provincial / municipal); a window platform has none',
      'level',
    );
  }
  if (!hasChongqingDemoName(data)) {
    return reject(
      'VALIDATION_FAILED',
      'S4-5',
      'name must read 重庆市 + 字号 + 中小企业公共服务示范平台',
      'name',
    );
  }
  return accept({ type: 'PlatformFiled', data });
}

/** S4-5 applies to Chongqing's municipal demonstration platforms. */
function hasChongqingDemoName(filing: PlatformFiled['data']): boolean {
  const applies =
    filing.kind === 'demonstration' &&
    filing.level === 'municipal' &&
    filing.province.startsWith('重庆');
  return !applies || isChongqingDemoName(filing.name);
}

function decideProfile(data: OperatorProfileUpdated['data']): Decision<PlatformEvent> {
  const problem = firstFieldProblem([
    validDate('asOf', data.asOf),
    validDate('operatingSince', data.operatingSince),
    nonNegativeInteger('assetsFen', data.assetsFen, 'D-MONEY'),
    nonNegativeInteger('revenueFen', data.revenueFen, 'D-MONEY'),
  ]);
  if (problem) return problem;
  if (!(Number.isFinite(data.siteAreaM2) && data.siteAreaM2 >= 0)) {
    return reject(
      'VALIDATION_FAILED',
      'D-PROFILE',
      'site area must be a non-negative number',
      'siteAreaM2',
    );
  }
  const institution = firstFieldProblem(
    data.institutions.map((item, index) =>
      validUscc(`institutions[${String(index)}].uscc`, item.uscc),
    ),
  );
  if (institution) return institution;
  return accept({ type: 'OperatorProfileUpdated', data });
}

/** S2-1 counts a planned build as completed once its 建设期 ends: that happens once, after filing. */
function decideConstructionCompletion(
  completedAt: string,
  state: FiledPlatform,
): Decision<PlatformEvent> {
  if (!state.filing.underConstruction) {
    return reject(
      'RULE_VIOLATION',
      'S2-1',
      'the platform was not filed under construction (建设期)',
      'completedAt',
    );
  }
  if (state.constructionCompletedAt !== null) {
    return reject(
      'CONFLICT',
      'S2-1',
      `construction was already completed at ${state.constructionCompletedAt}`,
      'completedAt',
    );
  }
  const date = validDate('completedAt', completedAt);
  if (date) return date;
  if (instant(completedAt) < instant(state.filing.filedAt)) {
    return reject(
      'VALIDATION_FAILED',
      'S2-1',
      'construction cannot be completed before the filing (备案)',
      'completedAt',
    );
  }
  return accept({ type: 'PlatformConstructionCompleted', data: { completedAt } });
}

function instant(text: string): number {
  return parseInstant(text) ?? Number.NaN;
}
