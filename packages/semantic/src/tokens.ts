/**
 * Development tokens: HS256 JWTs with the claims cube/access.js reads. Production tokens
 * come from the identity provider (verified against CUBEJS_JWK_URL) with the same claims.
 */
import jwt from 'jsonwebtoken';
import { loadAccessRules, type AccessScope, type Role } from './cube-folder.js';
import { minSecretLength } from './env.js';
import { SemanticConfigError } from './errors.js';

export interface TokenClaims {
  readonly role: Role;
  /** region_manager: the regions they manage. */
  readonly regions?: readonly string[];
  /** channel_account_manager: their partners; partner: exactly one partner id. */
  readonly partners?: readonly string[];
}

export interface MintTokenOptions {
  readonly secret: string;
  /** Lifetime as a number of seconds or a duration such as "1h", "30m", "7d" (default 1h). */
  readonly expiresIn?: string | number;
  /** Token subject, e.g. the user's email. */
  readonly subject?: string;
  /** The cube/ folder whose access rules check the claims (default: the repository's). */
  readonly cubeDir?: string;
}

const duration = /^\d+(s|m|h|d)?$/;

/** The scope the claims grant; throws (AccessDenied from cube/access.js) when they are incomplete. */
export function scopeOfClaims(claims: TokenClaims, cubeDir?: string): AccessScope {
  return loadAccessRules(cubeDir).accessScope(claims, '');
}

/** Signs a token after checking the claims against the same rules the server applies. */
export function mintToken(claims: TokenClaims, options: MintTokenOptions): string {
  if (options.secret.length < minSecretLength) throw new SemanticConfigError(`The token secret must have at least ${minSecretLength} characters`);
  const expiresIn = options.expiresIn ?? '1h';
  if (typeof expiresIn === 'string' && !duration.test(expiresIn)) {
    throw new SemanticConfigError(`Invalid token lifetime "${expiresIn}": use seconds or a number with s, m, h or d (e.g. 1h, 30m, 7d)`);
  }
  const scope = scopeOfClaims(claims, options.cubeDir);
  const payload = { role: scope.role, ...(scope.regions ? { regions: scope.regions } : {}), ...(scope.partners ? { partners: scope.partners } : {}) };
  return jwt.sign(payload, options.secret, {
    algorithm: 'HS256',
    expiresIn: typeof expiresIn === 'number' ? expiresIn : (expiresIn as jwt.SignOptions['expiresIn'] & string),
    ...(options.subject ? { subject: options.subject } : {}),
  });
}
