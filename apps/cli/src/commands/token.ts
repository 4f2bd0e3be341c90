import type { Command } from 'commander';
import { mintToken, tokenSecret, type Role, type TokenClaims } from '@ppm/semantic';
import { exitCodes } from '../lib/exit.js';
import { note, printJson } from '../lib/output.js';

const roles: readonly Role[] = ['program_admin', 'region_manager', 'channel_account_manager', 'partner'];

interface TokenFlags {
  readonly role: string;
  readonly regions?: string[];
  readonly partners?: string[];
  readonly expires: string;
  readonly subject?: string;
  readonly json?: boolean;
}

/** --regions EMEA NA and --regions EMEA,NA both work. */
const splitValues = (values: readonly string[] | undefined) => values?.flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);

function claimsOf(flags: TokenFlags): TokenClaims {
  if (!roles.includes(flags.role as Role)) throw new Error(`--role must be one of ${roles.join(', ')}`);
  const regions = splitValues(flags.regions);
  const partners = splitValues(flags.partners);
  return { role: flags.role as Role, ...(regions?.length ? { regions } : {}), ...(partners?.length ? { partners } : {}) };
}

function token(flags: TokenFlags): void {
  let minted: string;
  let claims: TokenClaims;
  try {
    claims = claimsOf(flags);
    minted = mintToken(claims, { secret: tokenSecret(), expiresIn: flags.expires, ...(flags.subject ? { subject: flags.subject } : {}) });
  } catch (error) {
    // Bad flags, incomplete claims (the server's own rules) or no secret: a usage error.
    note(`ppm token: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = exitCodes.usage;
    return;
  }
  const payload = JSON.parse(Buffer.from(minted.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: number };
  const expiresAt = payload.exp ? new Date(payload.exp * 1000).toISOString() : null;
  if (flags.json) {
    printJson({ token: minted, claims, expires_at: expiresAt });
    return;
  }
  process.stdout.write(`${minted}\n`);
  note(`Token for ${JSON.stringify(claims)}, valid until ${expiresAt ?? 'never'}. Send it as "Authorization: Bearer <token>" (docs/bi.md).`);
}

export function registerToken(program: Command): void {
  program
    .command('token')
    .description('mint a development token for the semantic API (HS256 with PPM_CUBE_SECRET or CUBEJS_API_SECRET)')
    .requiredOption('--role <role>', `who the token is for: ${roles.join(', ')}`)
    .option('--regions <codes...>', 'region_manager: the regions they manage (e.g. --regions EMEA NA)')
    .option('--partners <ids...>', 'channel_account_manager: their partner ids; partner: exactly one partner id')
    .option('--expires <duration>', 'lifetime: seconds or a number with s, m, h or d', '1h')
    .option('--subject <sub>', 'the token subject, e.g. the user\'s email')
    .option('--json', 'print the token, its claims and expiry as JSON')
    .addHelpText('after', '\nThe token goes to stdout alone, so TOKEN=$(ppm token --role program_admin) works.\nThere is no default secret: set PPM_CUBE_SECRET to a random string of at least 32 characters.')
    .action(token);
}
