/** Hand-made JWTs for refusal tests, signed here without the code under test. */
import { createHmac } from 'node:crypto';

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function signHs256(payload: Record<string, unknown>, secret: string): string {
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

/** An unsigned token (alg none), which must never be accepted. */
export function unsigned(payload: Record<string, unknown>): string {
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.`;
}

export const inOneHour = () => Math.floor(Date.now() / 1000) + 3600;
