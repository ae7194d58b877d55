import type { Server } from "node:http";
import Provider, { type Configuration } from "oidc-provider";

// A real OpenID Provider (panva's oidc-provider, certified) on a local port, for the SSO e2e
// spec. Its development login form accepts any login name (the password is ignored) and
// signs in as the account of that name; accounts are what the test registers here.

export interface TestAccount {
  email: string;
  email_verified: boolean;
  name: string;
  groups: string[];
}

export interface TestOidcProvider {
  issuer: string;
  /** Registers (or replaces) the account a login name signs in as. */
  setAccount(login: string, account: TestAccount): void;
  close(): Promise<void>;
}

export async function startTestOidcProvider(opts: {
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}): Promise<TestOidcProvider> {
  const issuer = `http://localhost:${opts.port}`;
  const accounts = new Map<string, TestAccount>();
  const configuration: Configuration = {
    clients: [
      {
        client_id: opts.clientId,
        client_secret: opts.clientSecret,
        redirect_uris: [opts.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    // Released with the "profile" scope Galley asks for; by default (conformIdTokenClaims)
    // only through userinfo, which is where Galley's provider config reads them from.
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "groups"],
    },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
    // Skip the consent screen: grant the test client what it asks for.
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
    pkce: { required: () => true },
    cookies: { keys: ["oidc-test-provider-cookie-key"] },
  };
  const provider = new Provider(issuer, configuration);
  provider.on("server_error", (_ctx, err) => console.error("oidc-provider:", err));
  const server: Server = await new Promise((resolve, reject) => {
    // Every address: "localhost" may resolve to ::1 or 127.0.0.1 for the browser and Node.
    const s = provider.listen(opts.port, () => resolve(s));
    s.once("error", reject);
  });
  return {
    issuer,
    setAccount: (login, account) => accounts.set(login, account),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
