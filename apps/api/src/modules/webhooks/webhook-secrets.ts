import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { AppConfig } from '../../core/config/app-config';
import { InjectConfig } from '../../core/config/config.module';

const VERSION = 'v1';

/**
 * Signing secrets of the webhook endpoints. A secret signs every delivery, so unlike API keys it
 * cannot be stored as a one-way hash: it is stored AES-256-GCM encrypted with a key derived from
 * `WEBHOOK_SECRET_KEY` (or `JWT_SECRET` when that is unset), so a database dump alone does not
 * reveal it. Changing that key makes the stored secrets unreadable: endpoints must be re-created.
 */
@Injectable()
export class WebhookSecrets {
  private readonly key: Buffer;

  constructor(@InjectConfig() config: AppConfig) {
    this.key = Buffer.from(hkdfSync('sha256', config.webhooks.secretKey, 'fasto', 'webhook signing secrets', 32));
  }

  /** A new secret, shown to its owner once. */
  generate(): string {
    return `whsec_${randomBytes(24).toString('base64url')}`;
  }

  encrypt(secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')}`;
  }

  decrypt(stored: string): string {
    const [version, packed] = stored.split('.');
    if (version !== VERSION || !packed) throw new Error('Unknown webhook secret format');
    const bytes = Buffer.from(packed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  }
}
