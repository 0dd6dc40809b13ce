import { getPriority } from 'node:os';
import { ARGON2_OPTIONS, hashingThreadNiceness, hashPassword, verifyPassword } from './password-hashing';

describe('password hashing', () => {
  it('stores argon2id with the configured cost and verifies only the right password', async () => {
    const hash = await hashPassword('Correct horse 1!');
    expect(hash).toMatch(new RegExp(`^\\$argon2id\\$v=19\\$m=${ARGON2_OPTIONS.memoryCost},t=${ARGON2_OPTIONS.timeCost},p=${ARGON2_OPTIONS.parallelism}\\$`));
    await expect(verifyPassword(hash, 'Correct horse 1!')).resolves.toBe(true);
    await expect(verifyPassword(hash, 'Correct horse 2!')).resolves.toBe(false);
  });

  it('reads a malformed stored hash as a wrong password', async () => {
    await expect(verifyPassword('not-a-hash', 'anything')).resolves.toBe(false);
  });

  it('hashes on threads at the lowest priority, so that a burst of logins never delays other requests', async () => {
    await expect(hashingThreadNiceness()).resolves.toBe(19);
    // The priority is the hashing threads' own, not the whole API's.
    expect(getPriority(0)).toBe(0);
  });
});
