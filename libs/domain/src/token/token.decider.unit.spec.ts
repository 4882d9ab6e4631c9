import { tokenDecider } from '../deciders';
import { specificationFor } from '../testing/decider-specification';
import { id, meta } from '../testing/fixtures';
import type { IssueToken, TokenCommand } from './token.decider';
import type { TokenEvent, TokenRole, TokenScope } from './token.events';

const spec = specificationFor(tokenDecider);
const NOW = '2025-01-06T01:00:00.000Z';
const TOKEN_ID = id(900);

const request = (role: TokenRole, scope: TokenScope): IssueToken['data'] => ({
  tokenId: TOKEN_ID,
  secretSha256: '5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8',
  role,
  scope,
  label: `${role} token for 2025`,
  expiresAt: '2026-01-31T16:00:00Z',
});
const issue = (data: IssueToken['data']): TokenCommand => ({
  type: 'IssueToken',
  data,
  metadata: meta('system', NOW),
});
const issued = (data: IssueToken['data']): TokenEvent => ({
  type: 'TokenIssued',
  data: { ...data, issuedAt: NOW },
});

const platformScope: TokenScope = { platformId: 'cq-wanzhou-window', district: null };
const districtScope: TokenScope = { platformId: null, district: '万州区' };
const noScope: TokenScope = { platformId: null, district: null };

const revoke: TokenCommand = {
  type: 'RevokeToken',
  data: { tokenId: TOKEN_ID, reason: '经办人离职' },
  metadata: meta('system', NOW),
};
const revoked: TokenEvent = {
  type: 'TokenRevoked',
  data: { tokenId: TOKEN_ID, revokedAt: NOW, reason: '经办人离职' },
};

describe('D-TOKEN: a token scope fits its role', () => {
  it.each([
    ['platform', platformScope],
    ['district', districtScope],
    ['admin', noScope],
    ['auditor', noScope],
  ] as const)('D-TOKEN: a %s token with its scope is issued at the command time', (role, scope) => {
    spec
      .given()
      .when(issue(request(role, scope)))
      .then(issued(request(role, scope)));
  });

  it.each([
    ['platform', noScope, 'scope.platformId'],
    ['platform', { platformId: 'cq_wanzhou', district: null }, 'scope.platformId'],
    ['platform', { platformId: 'cq-wanzhou-window', district: '万州区' }, 'scope.district'],
    ['district', noScope, 'scope.district'],
    ['district', { platformId: null, district: '  ' }, 'scope.district'],
    ['district', { platformId: 'cq-wanzhou-window', district: '万州区' }, 'scope.platformId'],
    ['admin', platformScope, 'scope'],
    ['auditor', districtScope, 'scope'],
  ] as const)('D-TOKEN: a %s token with scope %j is refused (%s)', (role, scope, field) => {
    spec
      .given()
      .when(issue(request(role, scope)))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'D-TOKEN', field });
  });

  it('D-DATE: an expiry that is not ISO 8601 is refused', () => {
    spec
      .given()
      .when(issue({ ...request('admin', noScope), expiresAt: '明年' }))
      .thenRejects({ ruleId: 'D-DATE', field: 'expiresAt' });
  });

  it('D-TOKEN: a token without expiry is issued', () => {
    const forever = { ...request('auditor', noScope), expiresAt: null };
    spec.given().when(issue(forever)).then(issued(forever));
  });
});

describe('D-TOKEN: a token is issued once and revoked once', () => {
  const adminToken = request('admin', noScope);

  it('D-TOKEN: issuing an existing token id is a CONFLICT', () => {
    spec
      .given(issued(adminToken))
      .when(issue(adminToken))
      .thenRejects({ code: 'CONFLICT', ruleId: 'D-TOKEN', field: 'tokenId' });
  });

  it('D-TOKEN: revoking an active token is accepted', () => {
    spec.given(issued(adminToken)).when(revoke).then(revoked);
  });

  it('D-TOKEN: revoking it again is a CONFLICT', () => {
    spec
      .given(issued(adminToken), revoked)
      .when(revoke)
      .thenRejects({ code: 'CONFLICT', ruleId: 'D-TOKEN', field: 'tokenId' });
  });

  it('D-TOKEN: revoking an unknown token is NOT_FOUND', () => {
    spec
      .given()
      .when(revoke)
      .thenRejects({ code: 'NOT_FOUND', ruleId: 'D-TOKEN', field: 'tokenId' });
  });

  it('D-TOKEN: a revoked token id cannot be issued again', () => {
    spec
      .given(issued(adminToken), revoked)
      .when(issue(adminToken))
      .thenRejects({ code: 'CONFLICT', ruleId: 'D-TOKEN' });
  });
});
