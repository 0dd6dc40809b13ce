import type { AccessTokenClaims } from './jwt-claims';
import { bearerCandidateOf, bearerTokenOf, VerifiedTokens } from './verified-tokens';

const claims = (exp: number): AccessTokenClaims & { exp: number } => ({ sub: 'u', tid: 't', typ: 'access', exp });

describe('VerifiedTokens', () => {
  it('answers only for the exact token text it was given, and only until its exp', () => {
    const tokens = new VerifiedTokens();
    const now = 1_000_000_000_000;
    tokens.remember('aaa.bbb.ccc', claims(now / 1000 + 60));
    expect(tokens.claimsOf('aaa.bbb.ccc', now)).toMatchObject({ sub: 'u' });
    expect(tokens.claimsOf('aaa.bbb.ccd', now)).toBeNull();
    expect(tokens.claimsOf('aaa.bbx.ccc', now)).toBeNull(); // same signature text, other token
    expect(tokens.claimsOf('ccc', now)).toBeNull();
    expect(tokens.claimsOf('aaa.bbb.ccc', now + 60_000)).toBeNull();
    expect(tokens.claimsOf('aaa.bbb.ccc', now)).toBeNull(); // forgotten once expired
  });

  it('reads only a plain Bearer header', () => {
    expect(bearerTokenOf({ headers: { authorization: 'Bearer a.b.c' } })).toBe('a.b.c');
    expect(bearerTokenOf({ headers: { authorization: 'bearer a.b.c' } })).toBeNull();
    expect(bearerTokenOf({ headers: { authorization: 'Bearer a.b.c extra' } })).toBeNull();
    expect(bearerTokenOf({ headers: {} })).toBeNull();
  });

  it('looks up only the exact remembered text, whatever follows "Bearer "', () => {
    const tokens = new VerifiedTokens();
    tokens.remember('aaa.bbb.ccc', claims(Date.now() / 1000 + 60));
    const lookup = (authorization: string) => {
      const candidate = bearerCandidateOf({ headers: { authorization } });
      return candidate === null ? null : tokens.claimsOf(candidate);
    };
    expect(lookup('Bearer aaa.bbb.ccc')).toMatchObject({ sub: 'u' });
    expect(lookup('Bearer  aaa.bbb.ccc')).toBeNull();
    expect(lookup('Bearer aaa.bbb.ccc ')).toBeNull();
    expect(lookup('bearer aaa.bbb.ccc')).toBeNull();
    expect(lookup('aaa.bbb.ccc')).toBeNull();
  });
});
