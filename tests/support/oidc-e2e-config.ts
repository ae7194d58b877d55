// The single sign-on settings the e2e app server starts with (scripts/e2e-server.ts) and the
// local OpenID provider that tests/e2e/sso.spec.ts starts must agree on. next-auth fetches
// the provider's discovery document only when someone clicks "Sign in with SSO", so the
// server can start before the provider does.
export const E2E_OIDC_CLIENT_ID = "galley-e2e";
export const E2E_OIDC_CLIENT_SECRET = "e2e-oidc-client-secret-not-for-production";
export const E2E_OIDC_ROLE_CLAIM = "groups";
export const E2E_OIDC_ROLE_MAP = "galley-admins=ADMIN,desk=EDITOR";

/** The provider's port: E2E_OIDC_PORT, else the app's E2E_PORT + 1. */
export function e2eOidcPort(appPort: string | number): number {
  return Number(process.env.E2E_OIDC_PORT ?? Number(appPort) + 1);
}

export const e2eOidcIssuer = (appPort: string | number) =>
  `http://localhost:${e2eOidcPort(appPort)}`;

/** What scripts/e2e-server.ts adds to the app's environment. */
export function e2eOidcEnv(appPort: string | number): Record<string, string> {
  return {
    GALLEY_OIDC_ISSUER: e2eOidcIssuer(appPort),
    GALLEY_OIDC_CLIENT_ID: E2E_OIDC_CLIENT_ID,
    GALLEY_OIDC_CLIENT_SECRET: E2E_OIDC_CLIENT_SECRET,
    GALLEY_OIDC_ROLE_CLAIM: E2E_OIDC_ROLE_CLAIM,
    GALLEY_OIDC_ROLE_MAP: E2E_OIDC_ROLE_MAP,
  };
}
