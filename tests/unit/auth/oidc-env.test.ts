import { afterEach, describe, expect, it } from "vitest";
import { env, oidcSettings, resetEnvCache } from "@/lib/env";

// Issue 17 item 6: single sign-on settings fail at start with the variable's name.
const KEYS = [
  "GALLEY_OIDC_ISSUER",
  "GALLEY_OIDC_CLIENT_ID",
  "GALLEY_OIDC_CLIENT_SECRET",
  "GALLEY_OIDC_ROLE_CLAIM",
  "GALLEY_OIDC_ROLE_MAP",
  "GALLEY_PASSWORD_LOGIN",
] as const;
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));

function setEnv(values: Partial<Record<(typeof KEYS)[number], string>>) {
  for (const k of KEYS) delete process.env[k];
  Object.assign(process.env, values);
  resetEnvCache();
}

const SSO = {
  GALLEY_OIDC_ISSUER: "https://idp.example/realms/news/",
  GALLEY_OIDC_CLIENT_ID: "galley",
  GALLEY_OIDC_CLIENT_SECRET: "s3cret",
};

afterEach(() => {
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  resetEnvCache();
});

describe("single sign-on configuration", () => {
  it("is off without the three variables, with password sign-in on", () => {
    setEnv({});
    expect(oidcSettings()).toBeNull();
    expect(env().GALLEY_PASSWORD_LOGIN).toBe(true);
  });

  it("reads the settings, the role claim defaulting to groups", () => {
    setEnv({ ...SSO, GALLEY_OIDC_ROLE_MAP: "desk=EDITOR" });
    expect(oidcSettings()).toMatchObject({
      issuer: "https://idp.example/realms/news",
      clientId: "galley",
      roleClaim: "groups",
    });
    expect([...oidcSettings()!.roleMap]).toEqual([["desk", "EDITOR"]]);
  });

  it("names a missing variable when only some are set", () => {
    setEnv({ GALLEY_OIDC_ISSUER: SSO.GALLEY_OIDC_ISSUER });
    expect(() => env()).toThrow(/GALLEY_OIDC_CLIENT_ID.*required/);
  });

  it("names a bad role map", () => {
    setEnv({ ...SSO, GALLEY_OIDC_ROLE_MAP: "desk=BOSS" });
    expect(() => env()).toThrow(/GALLEY_OIDC_ROLE_MAP.*"desk" maps to "BOSS"/);
  });

  it("refuses GALLEY_PASSWORD_LOGIN=0 without SSO: nobody could sign in", () => {
    setEnv({ GALLEY_PASSWORD_LOGIN: "0" });
    expect(() => env()).toThrow(/GALLEY_PASSWORD_LOGIN/);
    setEnv({ ...SSO, GALLEY_PASSWORD_LOGIN: "0" });
    expect(env().GALLEY_PASSWORD_LOGIN).toBe(false);
  });
});
