import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import { mintToken, scopeOfClaims } from '../src/tokens.js';

const secret = 'unit-test-secret-0123456789abcdef0123';

describe('mintToken', () => {
  it('signs HS256 tokens with the claims the server reads and an expiry', () => {
    const token = mintToken({ role: 'region_manager', regions: ['EMEA', 'NA'] }, { secret, expiresIn: '2h', subject: 'ana@vendor.example' });
    const payload = jwt.verify(token, secret, { algorithms: ['HS256'] }) as jwt.JwtPayload;
    expect(payload).toMatchObject({ role: 'region_manager', regions: ['EMEA', 'NA'], sub: 'ana@vendor.example' });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(7200);
    expect(jwt.decode(token, { complete: true })?.header.alg).toBe('HS256');
  });

  it('leaves out claims the role does not use', () => {
    const payload = jwt.decode(mintToken({ role: 'program_admin', regions: ['EMEA'] }, { secret })) as jwt.JwtPayload;
    expect(payload.regions).toBeUndefined();
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(3600);
  });

  it.each([
    ['claims the server would refuse', { role: 'channel_account_manager' as const }, { secret }, /"partners" claim/],
    ['a short secret', { role: 'program_admin' as const }, { secret: 'short' }, /at least 32 characters/],
    ['an unreadable lifetime', { role: 'program_admin' as const }, { secret, expiresIn: 'one hour' }, /Invalid token lifetime/],
  ])('refuses %s', (_name, claims, options, message) => {
    expect(() => mintToken(claims, options)).toThrow(message);
  });
});

describe('scopeOfClaims', () => {
  it('applies the rules of cube/access.js', () => {
    expect(scopeOfClaims({ role: 'partner', partners: ['P1'] })).toEqual({ role: 'partner', partners: ['P1'] });
  });
});
