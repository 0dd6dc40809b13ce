import type { AppConfig } from '../../core/config/app-config';
import { backoffMs } from './webhook-dispatcher';
import { WebhookSecrets } from './webhook-secrets';
import { signatureOf, verifySignature } from './webhook-signature';

const secrets = (secretKey: string) => new WebhookSecrets({ webhooks: { secretKey, allowPrivateTargets: false } } as AppConfig);

describe('webhook secrets and signatures', () => {
  it('stores a secret encrypted, readable only with the same key', () => {
    const box = secrets('a'.repeat(48));
    const secret = box.generate();
    const stored = box.encrypt(secret);
    expect(stored).not.toContain(secret.slice(6));
    expect(box.encrypt(secret)).not.toBe(stored);
    expect(box.decrypt(stored)).toBe(secret);
    expect(() => secrets('b'.repeat(48)).decrypt(stored)).toThrow();
  });

  it('signs "t.body" so that a receiver can verify it, and refuses changed bodies and stale times', () => {
    const header = signatureOf('whsec_x', '{"a":1}', 1_700_000_000);
    expect(header).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature('whsec_x', '{"a":1}', header, 1_700_000_010)).toBe(true);
    expect(verifySignature('whsec_x', '{"a":2}', header, 1_700_000_010)).toBe(false);
    expect(verifySignature('whsec_y', '{"a":1}', header, 1_700_000_010)).toBe(false);
    expect(verifySignature('whsec_x', '{"a":1}', header, 1_700_001_000)).toBe(false);
  });

  it('backs off exponentially, capped', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(backoffMs(20)).toBe(4 * 3_600_000);
  });
});
