import "server-only";
// An organization's identity provider as next-auth's OpenID Connect client: discovery, the
// authorization code flow with PKCE, state and nonce, and the ID token validated by openid-client
// (signature, issuer, audience, expiry). Nothing of OAuth is written here by hand.
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { SsoProvider } from "./config";

type Claims = Record<string, unknown> & { sub: string };

/** How long the portal waits for an organization's provider before saying it did not answer. */
export const PROVIDER_TIMEOUT_MS = 5_000;

export function oidcProvider(p: SsoProvider & { clientSecret: string }): OAuthConfig<Claims> {
  return {
    id: p.providerId,
    name: p.shortName,
    type: "oauth",
    wellKnown: `${p.issuer}/.well-known/openid-configuration`,
    clientId: p.clientId,
    clientSecret: p.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    httpOptions: { timeout: PROVIDER_TIMEOUT_MS },
    // Providers differ in where they put the address: some in the ID token, some only at the
    // userinfo endpoint. Both are read; the ID token's issuer and subject are the identity.
    userinfo: {
      async request({ client, tokens }) {
        // next-auth hands over openid-client's TokenSet, whose ID token it has already validated.
        const set = tokens as unknown as { claims(): Claims; access_token?: string };
        const id = set.claims();
        const info = set.access_token ? await client.userinfo(set as never).catch(() => null) : null;
        if (info && info.sub !== id.sub) throw new Error("The userinfo endpoint answered for another subject.");
        const merged: Claims = {
          ...info,
          ...id,
          email: id.email ?? info?.email,
          email_verified: id.email_verified ?? info?.email_verified,
          name: id.name ?? info?.name,
        };
        return merged as never;
      },
    },
    profile(claims) {
      return {
        id: String(claims.sub),
        name: typeof claims.name === "string" ? claims.name : null,
        email: typeof claims.email === "string" ? claims.email : null,
        image: null,
      };
    },
    // Linking by address is safe here only because the sign-in callback has already decided that
    // this provider vouches for this address and this person (lib/auth/sso/schema.ts decideSignIn),
    // and the adapter links only the person it decided on.
    allowDangerousEmailAccountLinking: true,
  };
}
