import { randomUUID } from 'node:crypto';
import {
  TOKEN_STREAM_PREFIX,
  evolveToken,
  parseInstant,
  initialTokenState,
  tokenDecider,
  tokenStream,
  type TokenCommand,
  type TokenEvent,
  type TokenIssued,
  type TokenRole,
  type TokenScope,
  type TokenState,
} from '@ledger/domain';
import type { Actor, EventStore } from '@ledger/event-store';
import { StreamCommandProcessor } from '../commands/stream-command-processor';
import {
  formatToken,
  newTokenParts,
  parseToken,
  secretMatches,
  secretSha256,
} from './token-secrets';

export interface Principal {
  readonly tokenId: string;
  readonly role: TokenRole;
  readonly scope: TokenScope;
  readonly label: string;
}

export interface TokenListing {
  readonly issued: TokenIssued['data'];
  readonly status: 'active' | 'revoked';
}

/** How long a resolved token is trusted before its stream is read again (revocations from the CLI). */
const RECHECK_MS = 2_000;
const MAX_CHECKED_TOKENS = 10_000;

/** Issues, revokes and resolves bearer tokens; issuance and revocation are events. */
export class TokenService {
  private readonly processor: StreamCommandProcessor<
    TokenCommand,
    TokenEvent,
    TokenState,
    undefined
  >;
  private readonly checked = new Map<string, { readonly at: number; readonly state: TokenState }>();

  constructor(
    private readonly store: EventStore,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.processor = new StreamCommandProcessor(store, tokenDecider);
  }

  async issue(
    request: { role: TokenRole; scope: TokenScope; label: string; expiresAt: string | null },
    actor: Actor,
  ): Promise<{ token: string; tokenId: string }> {
    const parts = newTokenParts();
    await this.processor.submit({
      stream: tokenStream(parts.tokenId),
      command: {
        type: 'IssueToken',
        data: { tokenId: parts.tokenId, secretSha256: secretSha256(parts.secret), ...request },
        metadata: { now: this.clock().toISOString(), actor: asIdentity(actor) },
      },
      context: () => Promise.resolve(undefined),
      actor,
      correlationId: randomUUID(),
    });
    return { token: formatToken(parts), tokenId: parts.tokenId };
  }

  async revoke(tokenId: string, reason: string, actor: Actor): Promise<void> {
    await this.processor.submit({
      stream: tokenStream(tokenId),
      command: {
        type: 'RevokeToken',
        data: { tokenId, reason },
        metadata: { now: this.clock().toISOString(), actor: asIdentity(actor) },
      },
      context: () => Promise.resolve(undefined),
      actor,
      correlationId: randomUUID(),
    });
    this.checked.delete(tokenId);
  }

  /** The principal a bearer token stands for, or null (unknown, revoked, expired, wrong secret). */
  async resolve(token: string): Promise<Principal | null> {
    const parts = parseToken(token);
    if (parts === null) return null;
    const now = this.clock().getTime();
    let checked = this.checked.get(parts.tokenId);
    if (checked === undefined || now - checked.at > RECHECK_MS) {
      const { state } = await this.processor.current(tokenStream(parts.tokenId));
      checked = { at: now, state };
      // Unknown ids are not remembered (random tokens must not grow the map), and the map is
      // bounded: the oldest entries go first.
      if (state.status !== 'none') {
        this.checked.delete(parts.tokenId);
        this.checked.set(parts.tokenId, checked);
        if (this.checked.size > MAX_CHECKED_TOKENS) {
          const oldest = this.checked.keys().next();
          if (oldest.done !== true) this.checked.delete(oldest.value);
        }
      }
    }
    const { state } = checked;
    if (state.status !== 'active' || !secretMatches(parts.secret, state.issued.secretSha256))
      return null;
    // The same reading of the date as the decider's (a date alone is midnight in Beijing).
    const expiresAt = state.issued.expiresAt === null ? null : parseInstant(state.issued.expiresAt);
    if (expiresAt !== null && expiresAt <= now) return null;
    return {
      tokenId: state.issued.tokenId,
      role: state.issued.role,
      scope: state.issued.scope,
      label: state.issued.label,
    };
  }

  async list(): Promise<TokenListing[]> {
    const states = new Map<string, TokenState>();
    for await (const event of this.store.readAll({
      filter: { streamPrefixes: [TOKEN_STREAM_PREFIX] },
    })) {
      const tokenEvent = { type: event.type, data: event.data } as unknown as TokenEvent;
      states.set(
        event.stream,
        evolveToken(states.get(event.stream) ?? initialTokenState(), tokenEvent),
      );
    }
    const listing: TokenListing[] = [];
    for (const state of states.values()) {
      if (state.status !== 'none') listing.push({ issued: state.issued, status: state.status });
    }
    return listing;
  }
}

function asIdentity(actor: Actor): { subject: string; role: 'admin' | 'system' } {
  return { subject: actor.subject, role: actor.role === 'admin' ? 'admin' : 'system' };
}
