/** Who acts and when: supplied by the caller of a decider, never read from a clock inside it. */
export type Role = 'platform' | 'district' | 'admin' | 'auditor' | 'system';

export interface ActingIdentity {
  /** Token subject: the token id for API callers, `cli:<user>` for the operator CLI. */
  readonly subject: string;
  readonly role: Role;
}

export interface CommandMetadata {
  /** The server's clock when the command was accepted (ISO 8601, UTC). */
  readonly now: string;
  readonly actor: ActingIdentity;
}
