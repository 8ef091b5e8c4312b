import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Local staff sign-in: one bearer token (STAFF_TOKEN, or generated at start-up and printed once),
 * compared in constant time, and a signed, HTTP-only session cookie for the browser page, with a
 * CSRF token bound to it for every state-changing request. Pure apart from the clock and the
 * per-process signing key.
 */

export const SESSION_COOKIE = 'ipt_staff';
/** Holds state, nonce and PKCE verifier during the round trip to Entra ID (10 minutes, /staff/auth only). */
export const PENDING_COOKIE = 'ipt_staff_pending';
const PENDING_MS = 10 * 60 * 1000;
export const CSRF_HEADER = 'x-csrf-token';
const SESSION_MS = 8 * 60 * 60 * 1000;
/** Who the local token signs in as, in the audit log. */
export const LOCAL_STAFF = 'local-token';

export interface StaffIdentity {
  who: string;
  /** How the request proved it: a bearer token (no CSRF needed) or the page's cookie (CSRF needed). */
  via: 'bearer' | 'session';
  csrf?: string;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Constant-time comparison of two strings of any length (both hashed to the same length first). */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

export class StaffAuth {
  private readonly key = randomBytes(32);

  /** `token` undefined: no bearer or token sign-in (production, where only Entra ID signs in). */
  constructor(
    private readonly token: string | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  checkToken(given: string): boolean {
    return this.token !== undefined && given.length > 0 && sameSecret(given, this.token);
  }

  /** A signed, expiring value for the pending-sign-in cookie. */
  seal(value: object): string {
    const body = Buffer.from(JSON.stringify({ value, expires: this.now() + PENDING_MS })).toString('base64url');
    return `${body}.${this.sign(`pending:${body}`)}`;
  }

  open<T>(sealed: string | undefined): T | undefined {
    const [body, signature] = (sealed ?? '').split('.');
    if (!body || !signature || !sameSecret(signature, this.sign(`pending:${body}`))) return undefined;
    const { value, expires } = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { value: T; expires: number };
    return expires > this.now() ? value : undefined;
  }

  /** A new session cookie value: "<expiry ms>.<who, base64url>.<signature>". */
  newSession(who: string): { value: string; maxAgeSeconds: number; csrf: string } {
    const body = `${this.now() + SESSION_MS}.${Buffer.from(who).toString('base64url')}`;
    const value = `${body}.${this.sign(body)}`;
    return { value, maxAgeSeconds: SESSION_MS / 1000, csrf: this.csrfFor(value) };
  }

  /** Who a request is from, by its Authorization header or session cookie; undefined if neither holds. */
  identify(headers: { authorization?: string; cookie?: string }): StaffIdentity | undefined {
    const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
    if (bearer) return this.checkToken(bearer[1]) ? { who: LOCAL_STAFF, via: 'bearer' } : undefined;
    const session = readCookie(headers.cookie ?? '', SESSION_COOKIE);
    if (!session) return undefined;
    const parts = session.split('.');
    if (parts.length !== 3) return undefined;
    const [expiry, who, signature] = parts;
    if (!sameSecret(signature, this.sign(`${expiry}.${who}`))) return undefined;
    if (!(Number(expiry) > this.now())) return undefined;
    return { who: Buffer.from(who, 'base64url').toString('utf8'), via: 'session', csrf: this.csrfFor(session) };
  }

  /** A state-changing request: bearer callers need nothing more; the page must echo its CSRF token. */
  allowsChange(identity: StaffIdentity, csrfHeader: string | undefined): boolean {
    if (identity.via === 'bearer') return true;
    return typeof csrfHeader === 'string' && identity.csrf !== undefined && sameSecret(csrfHeader, identity.csrf);
  }

  private sign(value: string): string {
    return createHmac('sha256', this.key).update(value).digest('base64url');
  }

  private csrfFor(session: string): string {
    return this.sign(`csrf:${session}`);
  }
}

export function readCookie(header: string, name: string): string | undefined {
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
