import type { OAuthConfig } from "next-auth/providers/oauth";
import type { OidcSettings } from "@/lib/env";

// The "Sign in with SSO" provider for next-auth v4 (ADR 014). next-auth and its openid-client
// do the protocol: discovery (fetched at sign-in, not at start), the authorization code flow
// with PKCE, state and nonce, and the ID token's signature, issuer, audience and expiry.

export const OIDC_PROVIDER_ID = "oidc";

/** The verified ID token's claims merged with the userinfo answer (ID token wins). */
export type OidcClaims = Record<string, unknown> & { sub: string; iss?: string };

export function oidcProvider(settings: OidcSettings): OAuthConfig<OidcClaims> {
  return {
    id: OIDC_PROVIDER_ID,
    name: "SSO",
    type: "oauth",
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    checks: ["pkce", "state", "nonce"],
    // `idToken: true` makes next-auth verify the ID token (client.callback) …
    idToken: true,
    userinfo: {
      // … and this adds the userinfo claims, because many providers (and oidc-provider by
      // default) put email and groups only there. openid-client checks that the userinfo's
      // `sub` is the ID token's; the ID token's claims win over userinfo's.
      async request({ client, tokens }) {
        // next-auth types `tokens` as plain parameters; at run time it is openid-client's
        // TokenSet, whose claims() are the ID token's, already verified by client.callback.
        const tokenSet = tokens as unknown as Parameters<typeof client.userinfo>[0] & {
          claims(): OidcClaims;
        };
        const idClaims = tokenSet.claims();
        const info = tokens.access_token ? await client.userinfo(tokenSet) : {};
        return { ...info, ...idClaims };
      },
    },
    profile(claims) {
      return {
        id: claims.sub,
        email: typeof claims.email === "string" ? claims.email : null,
        name: typeof claims.name === "string" ? claims.name : null,
      };
    },
  };
}
