import { describe, expect, it } from "vitest";
import { claimValues, parseRoleMap, roleFromClaims } from "@/lib/auth/oidc-roles";

// Issue 17 item 6: the role an SSO user gets from GALLEY_OIDC_ROLE_CLAIM/GALLEY_OIDC_ROLE_MAP.
describe("parseRoleMap", () => {
  it("reads value=ROLE pairs, roles in any case, spaces ignored", () => {
    const map = parseRoleMap(" galley-admins=ADMIN, desk=editor ,copy=Reviewer");
    expect([...map]).toEqual([
      ["galley-admins", "ADMIN"],
      ["desk", "EDITOR"],
      ["copy", "REVIEWER"],
    ]);
  });

  it("splits at the last '=' so a value may contain '='", () => {
    expect([...parseRoleMap("team=a=EDITOR")]).toEqual([["team=a", "EDITOR"]]);
  });

  it("reads a JSON object for values with commas (LDAP DNs)", () => {
    const map = parseRoleMap('{"cn=Desk,ou=Groups,dc=example": "EDITOR"}');
    expect(map.get("cn=Desk,ou=Groups,dc=example")).toBe("EDITOR");
  });

  it("is empty when unset or blank", () => {
    expect(parseRoleMap(undefined).size).toBe(0);
    expect(parseRoleMap("  ").size).toBe(0);
  });

  it.each([
    ["desk=OWNER", /"desk" maps to "OWNER"/],
    ["desk", /entry "desk" must look like value=ROLE/],
    ["=ADMIN", /must look like value=ROLE/],
    ['{"desk": 3}', /"desk" maps to 3/],
    ["{not json", /not valid JSON/],
    ['["desk"]', /JSON object/],
  ])("refuses %j", (raw, message) => {
    expect(() => parseRoleMap(raw)).toThrow(message);
  });
});

describe("claimValues", () => {
  it("reads a string, an array of strings, or nothing", () => {
    expect(claimValues({ groups: "desk" }, "groups")).toEqual(["desk"]);
    expect(claimValues({ groups: ["desk", 3, "copy"] }, "groups")).toEqual(["desk", "copy"]);
    expect(claimValues({ groups: { desk: true } }, "groups")).toEqual([]);
    expect(claimValues({}, "groups")).toEqual([]);
  });

  it("prefers a claim named with dots, then follows a dot path", () => {
    const url = "https://galley.example/roles";
    expect(claimValues({ [url]: ["desk"] }, url)).toEqual(["desk"]);
    expect(claimValues({ realm_access: { roles: ["desk"] } }, "realm_access.roles")).toEqual([
      "desk",
    ]);
    expect(claimValues({ realm_access: ["desk"] }, "realm_access.roles")).toEqual([]);
  });

  it("does not walk into the prototype", () => {
    expect(claimValues({}, "constructor.name")).toEqual([]);
    expect(claimValues({}, "__proto__")).toEqual([]);
  });
});

describe("roleFromClaims", () => {
  const map = parseRoleMap("galley-admins=ADMIN,desk=EDITOR,copy=REVIEWER");

  it("defaults to VIEWER when no value is mapped", () => {
    expect(roleFromClaims({ groups: ["everyone"] }, "groups", map)).toBe("VIEWER");
    expect(roleFromClaims({}, "groups", map)).toBe("VIEWER");
    expect(roleFromClaims({ groups: ["desk"] }, "groups", parseRoleMap(undefined))).toBe("VIEWER");
  });

  it("gives the highest mapped role", () => {
    expect(roleFromClaims({ groups: ["copy", "desk", "everyone"] }, "groups", map)).toBe("EDITOR");
    expect(roleFromClaims({ groups: ["desk", "galley-admins"] }, "groups", map)).toBe("ADMIN");
    expect(roleFromClaims({ groups: "copy" }, "groups", map)).toBe("REVIEWER");
  });

  it("matches values exactly (case matters to most providers)", () => {
    expect(roleFromClaims({ groups: ["Desk", "desk "] }, "groups", map)).toBe("VIEWER");
  });

  it("reads only the configured claim", () => {
    expect(roleFromClaims({ roles: ["galley-admins"] }, "groups", map)).toBe("VIEWER");
    expect(roleFromClaims({ roles: ["galley-admins"] }, "roles", map)).toBe("ADMIN");
  });
});
