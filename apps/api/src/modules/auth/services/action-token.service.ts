import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Equal, IsNull, MoreThan, type DataSource } from 'typeorm';
import { generateSecretToken, hashSecretToken } from '../../../core/auth/secret-token';
import { ActionToken, type ActionTokenPurpose } from '../entities/action-token.entity';

export const INVITE_TTL_MS = 7 * 86_400_000;
export const PASSWORD_RESET_TTL_MS = 60 * 60_000;

/** Single-use, expiring, hashed tokens behind emailed links (invitations, password resets). */
@Injectable()
export class ActionTokenService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get tokens() {
    return this.dataSource.getRepository(ActionToken);
  }

  /** A new link supersedes the user's earlier unused links of the same kind. */
  async issue(target: { tenantId: string; userId: string }, purpose: ActionTokenPurpose, ttlMs: number, now = new Date()): Promise<string> {
    const token = generateSecretToken();
    await this.tokens.update({ tenantId: target.tenantId, userId: target.userId, purpose, usedAt: IsNull() }, { usedAt: now });
    await this.tokens.insert({
      id: randomUUID(),
      tenantId: target.tenantId,
      userId: target.userId,
      purpose,
      tokenHash: hashSecretToken(token),
      expiresAt: new Date(now.getTime() + ttlMs),
      createdAt: now,
    });
    return token;
  }

  findUsable(token: string, purpose: ActionTokenPurpose, now = new Date()): Promise<ActionToken | null> {
    return this.tokens.findOneBy({ tokenHash: Equal(hashSecretToken(token)), purpose: Equal(purpose), usedAt: IsNull(), expiresAt: MoreThan(now) });
  }

  /** The token's row whatever its state (used, expired), for telling a visitor what their link is worth. */
  findAny(token: string, purpose: ActionTokenPurpose): Promise<ActionToken | null> {
    return this.tokens.findOneBy({ tokenHash: Equal(hashSecretToken(token)), purpose: Equal(purpose) });
  }

  /** Marks the token used; false when another request used it first. */
  async consume(token: ActionToken, now = new Date()): Promise<boolean> {
    const result = await this.tokens.update({ id: token.id, tenantId: token.tenantId, usedAt: IsNull() }, { usedAt: now });
    return result.affected === 1;
  }
}
