import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { generateSecretToken, hashSecretToken } from '../../../core/auth/secret-token';
import { TenantContext } from '../../../core/tenancy/tenant-context';
import { ActionTokensRepository } from '../action-tokens.repository';
import type { ActionToken, ActionTokenPurpose } from '../entities/action-token.entity';

export const INVITE_TTL_MS = 7 * 86_400_000;
export const PASSWORD_RESET_TTL_MS = 60 * 60_000;

/**
 * Single-use, expiring, hashed tokens behind emailed links (invitations, password resets). Links
 * are issued and used in the current tenant; a link that comes back is found across tenants.
 */
@Injectable()
export class ActionTokenService {
  constructor(
    private readonly tokens: ActionTokensRepository,
    private readonly context: TenantContext,
  ) {}

  /** A new link for a user of the current tenant; it supersedes their earlier unused links of the same kind. */
  async issue(userId: string, purpose: ActionTokenPurpose, ttlMs: number, now = new Date()): Promise<string> {
    const token = generateSecretToken();
    await this.tokens.supersede(userId, purpose, now);
    await this.tokens.insert({
      id: randomUUID(),
      userId,
      purpose,
      tokenHash: hashSecretToken(token),
      expiresAt: new Date(now.getTime() + ttlMs),
      createdAt: now,
    });
    return token;
  }

  /** The link a visitor brings, if still usable; its tenant is what it tells. */
  findUsable(token: string, purpose: ActionTokenPurpose, now = new Date()): Promise<ActionToken | null> {
    return this.context.runAsSystem(`${purpose} link: token by hash`, () => this.tokens.usableByHash(hashSecretToken(token), purpose, now));
  }

  /** The token's row whatever its state (used, expired), for telling a visitor what their link is worth. */
  findAny(token: string, purpose: ActionTokenPurpose): Promise<ActionToken | null> {
    return this.context.runAsSystem(`${purpose} link: token by hash`, () => this.tokens.anyByHash(hashSecretToken(token), purpose));
  }

  /** Marks the token used (in its tenant's scope); false when another request used it first. */
  consume(token: ActionToken, now = new Date()): Promise<boolean> {
    return this.tokens.consume(token.id, now);
  }
}
