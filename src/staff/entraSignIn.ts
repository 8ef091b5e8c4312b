import { ConfidentialClientApplication, CryptoProvider, type INetworkModule } from '@azure/msal-node';

/**
 * Staff sign-in with Microsoft Entra ID: OpenID Connect authorisation-code flow with PKCE, state and
 * nonce (`@azure/msal-node`), limited to one tenant and to people given the app role (or in the
 * group) the clinic configured.
 */
export interface EntraOptions {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** `${STAFF_BASE_URL}/staff/auth/callback`, registered on the app registration. */
  redirectUri: string;
  /** App role value staff must hold (e.g. "Staff.Review"). */
  requiredRole?: string;
  /** Or a group object id they must be in. */
  requiredGroup?: string;
  /** https://login.microsoftonline.com unless a sovereign cloud (or a test's loopback provider). */
  authorityHost: string;
  /** Only for tests: an HTTP client that trusts the loopback provider's certificate. */
  networkClient?: INetworkModule;
}

/** What must survive the round trip to Entra: kept in a short-lived signed cookie. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
}

export type SignInResult = { ok: true; who: string } | { ok: false; reason: 'state' | 'denied' | 'tenant' | 'role' | 'failed' };

const SCOPES = ['openid', 'profile'];

export class EntraSignIn {
  private readonly msal: ConfidentialClientApplication;
  private readonly crypto = new CryptoProvider();

  constructor(private readonly options: EntraOptions) {
    const host = new URL(options.authorityHost);
    const microsoft = host.hostname === 'login.microsoftonline.com';
    this.msal = new ConfidentialClientApplication({
      auth: {
        clientId: options.clientId,
        clientSecret: options.clientSecret,
        authority: `${options.authorityHost.replace(/\/$/, '')}/${options.tenantId}`,
        // A non-Microsoft host is trusted as given, without instance discovery.
        ...(microsoft ? {} : { knownAuthorities: [host.host] }),
      },
      ...(options.networkClient ? { system: { networkClient: options.networkClient } } : {}),
    });
  }

  /** The URL to send the browser to, and what to remember until it comes back. */
  async start(): Promise<{ url: string; pending: PendingSignIn }> {
    const { verifier, challenge } = await this.crypto.generatePkceCodes();
    const pending: PendingSignIn = { state: this.crypto.createNewGuid(), nonce: this.crypto.createNewGuid(), verifier };
    const url = await this.msal.getAuthCodeUrl({
      scopes: SCOPES,
      redirectUri: this.options.redirectUri,
      codeChallenge: challenge,
      codeChallengeMethod: 'S256',
      state: pending.state,
      nonce: pending.nonce,
      prompt: 'select_account',
    });
    return { url, pending };
  }

  /** The callback: checks state, redeems the code with the PKCE verifier, then tenant, nonce and role. */
  async finish(query: URLSearchParams, pending: PendingSignIn | undefined): Promise<SignInResult> {
    const code = query.get('code');
    const state = query.get('state');
    if (!pending || !state || state !== pending.state) return { ok: false, reason: 'state' };
    if (!code) return { ok: false, reason: 'denied' };
    let claims: Record<string, unknown>;
    try {
      const result = await this.msal.acquireTokenByCode(
        // MSAL checks the returned state against ours, and the ID token's nonce against the request's.
        { code, scopes: SCOPES, redirectUri: this.options.redirectUri, codeVerifier: pending.verifier, state: pending.state, nonce: pending.nonce },
        { code, state },
      );
      claims = (result.idTokenClaims ?? {}) as Record<string, unknown>;
    } catch {
      return { ok: false, reason: 'failed' };
    }
    if (claims.tid !== this.options.tenantId) return { ok: false, reason: 'tenant' };
    if (claims.nonce !== pending.nonce) return { ok: false, reason: 'state' };
    const roles = Array.isArray(claims.roles) ? claims.roles : [];
    const groups = Array.isArray(claims.groups) ? claims.groups : [];
    const allowed =
      (this.options.requiredRole !== undefined && roles.includes(this.options.requiredRole)) ||
      (this.options.requiredGroup !== undefined && groups.includes(this.options.requiredGroup));
    if (!allowed) return { ok: false, reason: 'role' };
    const who = [claims.preferred_username, claims.upn, claims.oid].find((value): value is string => typeof value === 'string' && value !== '');
    return { ok: true, who: who ?? 'entra-user' };
  }
}
