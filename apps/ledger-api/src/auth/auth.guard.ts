import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isValidPlatformId, sameDistrict } from '@ledger/domain';
import { LedgerProcessors } from '../commands/ledger-processors';
import { ApiError } from '../http/api-error';
import type { AuthenticatedRequest } from '../http/write-context';
import { TokenService, type Principal } from '../tokens/token.service';
import { ACCESS_METADATA, type AccessRule } from './access.decorator';

const unauthenticated = (reason: string): ApiError =>
  new ApiError(401, 'UNAUTHENTICATED', reason, [{ field: 'Authorization', reason }]);
const forbidden = (reason: string): ApiError => new ApiError(403, 'FORBIDDEN', reason);

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(LedgerProcessors) private readonly processors: LedgerProcessors,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (rule === undefined) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const authorization = request.headers.authorization;
    if (authorization === undefined) throw unauthenticated('a bearer token is required');
    const match = /^Bearer (\S+)$/.exec(authorization);
    const principal = match?.[1] === undefined ? null : await this.tokens.resolve(match[1]);
    if (principal === null) throw unauthenticated('the token is unknown, revoked or expired');
    if (!rule.roles.includes(principal.role)) {
      throw forbidden(`role ${principal.role} may not call this route`);
    }
    const params = request.params as Record<string, string | undefined>;
    await this.checkScope(principal, params.platformId);
    request.principal = principal;
    return true;
  }

  private async checkScope(principal: Principal, platformId: string | undefined): Promise<void> {
    if (platformId === undefined) {
      if (principal.role === 'platform' || principal.role === 'district') {
        throw forbidden(`a ${principal.role} token is limited to its own scope`);
      }
      return;
    }
    if (principal.role === 'platform' && principal.scope.platformId !== platformId) {
      throw forbidden('a platform token may only touch its own platform');
    }
    if (principal.role === 'district') {
      const platform = isValidPlatformId(platformId)
        ? await this.processors.platformState(platformId)
        : null;
      if (
        platform === null ||
        platform.status === 'unfiled' ||
        !sameDistrict(platform.filing.district, principal.scope.district ?? '')
      ) {
        throw forbidden('a district token may only touch platforms filed in its district');
      }
    }
  }
}
