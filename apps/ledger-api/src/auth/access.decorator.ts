import { SetMetadata } from '@nestjs/common';
import type { TokenRole } from '@ledger/domain';

export const ACCESS_METADATA = 'ledger:access';

/**
 * Who may call a route (DESIGN.md "Security"). A `platform` token only reaches routes whose
 * `:platformId` is its own; a `district` token only platforms filed in its district.
 * Routes without @Access are public (health, docs).
 */
export interface AccessRule {
  readonly roles: readonly TokenRole[];
}

export const Access = (...roles: TokenRole[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_METADATA, { roles } satisfies AccessRule);
