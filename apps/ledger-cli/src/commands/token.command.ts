import { userInfo } from 'node:os';
import type { Command } from 'commander';
import type { TokenRole } from '@ledger/domain';
import type { Actor } from '@ledger/event-store';
import { TokenService } from '../../../ledger-api/src/tokens/token.service';
import { print, withStore } from '../open-store';

const ROLES: readonly TokenRole[] = ['platform', 'district', 'admin', 'auditor'];

/** The CLI operator, recorded as the actor of every token event it writes. */
export function cliActor(): Actor {
  return { subject: `cli:${userInfo().username}`, role: 'admin' };
}

export function registerTokenCommands(program: Command): void {
  const token = program
    .command('token')
    .description('issue, revoke and list bearer tokens (only their hashes are stored)');

  token
    .command('create')
    .description('issue a token and print it once')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--platform <platformId>', 'the platform a platform token may write')
    .option('--district <district>', 'the district a district token may review, e.g. 万州区')
    .option('--label <text>', 'who or what the token is for', '')
    .option('--expires <iso>', 'expiry (ISO 8601); never when omitted')
    .option('--json', 'print {tokenId, token} as JSON')
    .action(
      async (options: {
        role: string;
        platform?: string;
        district?: string;
        label: string;
        expires?: string;
        json?: boolean;
      }) => {
        if (!(ROLES as readonly string[]).includes(options.role)) {
          throw new Error(`--role must be one of ${ROLES.join(', ')}`);
        }
        await withStore(async (store) => {
          const issued = await new TokenService(store).issue(
            {
              role: options.role as TokenRole,
              scope: { platformId: options.platform ?? null, district: options.district ?? null },
              label: options.label,
              expiresAt: options.expires ?? null,
            },
            cliActor(),
          );
          print(
            options.json === true
              ? JSON.stringify(issued)
              : `token ${issued.tokenId}\n${issued.token}`,
          );
        });
      },
    );

  token
    .command('revoke')
    .description('revoke a token by its id')
    .argument('<tokenId>')
    .option('--reason <text>', 'why', 'revoked by operator')
    .action(async (tokenId: string, options: { reason: string }) => {
      await withStore(async (store) => {
        await new TokenService(store).revoke(tokenId, options.reason, cliActor());
        print(`revoked ${tokenId}`);
      });
    });

  token
    .command('list')
    .description('list tokens with role, scope and status (never the secret)')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      await withStore(async (store) => {
        const listing = await new TokenService(store).list();
        if (options.json === true) {
          print(
            JSON.stringify(
              listing.map(({ issued, status }) => ({ ...issued, secretSha256: undefined, status })),
            ),
          );
          return;
        }
        for (const { issued, status } of listing) {
          const scope = issued.scope.platformId ?? issued.scope.district ?? '*';
          print(
            `${issued.tokenId}  ${status.padEnd(7)}  ${issued.role.padEnd(8)}  ${scope}  ${issued.label}`,
          );
        }
      });
    });
}
