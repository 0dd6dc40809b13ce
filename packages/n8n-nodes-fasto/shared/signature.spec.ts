import { createHmac } from 'crypto';
import { isSignedByFasto, TOLERANCE_SECONDS } from './signature';

const SECRET = 'whsec_test';
const BODY = '{"id":"e1","type":"attendance.created","data":{"attendance":{"customer_name":"Mária"}}}';
const NOW = 1_767_268_800;
/** Signed the way docs/webhooks.md describes it, independently of the code under test. */
const sign = (body: string, t: number, secret = SECRET) => `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;

describe('isSignedByFasto', () => {
  it('accepts the documented header over the raw bytes, as text or Buffer', () => {
    expect(isSignedByFasto(SECRET, BODY, sign(BODY, NOW), NOW)).toBe(true);
    expect(isSignedByFasto(SECRET, Buffer.from(BODY, 'utf8'), sign(BODY, NOW), NOW + 10)).toBe(true);
  });

  it('refuses another body, another secret, or a re-serialised body', () => {
    expect(isSignedByFasto(SECRET, BODY.replace('Mária', 'Maria'), sign(BODY, NOW), NOW)).toBe(false);
    expect(isSignedByFasto('whsec_other', BODY, sign(BODY, NOW), NOW)).toBe(false);
    expect(isSignedByFasto(SECRET, JSON.stringify(JSON.parse(BODY), null, 1), sign(BODY, NOW), NOW)).toBe(false);
  });

  it('refuses a timestamp outside the tolerance either way, or one the signature was not made with', () => {
    expect(isSignedByFasto(SECRET, BODY, sign(BODY, NOW - TOLERANCE_SECONDS - 1), NOW)).toBe(false);
    expect(isSignedByFasto(SECRET, BODY, sign(BODY, NOW + TOLERANCE_SECONDS + 1), NOW)).toBe(false);
    expect(isSignedByFasto(SECRET, BODY, sign(BODY, NOW - TOLERANCE_SECONDS), NOW)).toBe(true);
    const forged = sign(BODY, NOW - 1000).replace(`t=${NOW - 1000}`, `t=${NOW}`);
    expect(isSignedByFasto(SECRET, BODY, forged, NOW)).toBe(false);
  });

  it('refuses missing, malformed or truncated headers without throwing', () => {
    const good = sign(BODY, NOW);
    for (const header of [undefined, '', 'garbage', `t=${NOW}`, good.slice(0, -2), good.replace('v1=', 'v0='), `t=abc,${good.split(',')[1]}`]) {
      expect(isSignedByFasto(SECRET, BODY, header, NOW)).toBe(false);
    }
  });
});
