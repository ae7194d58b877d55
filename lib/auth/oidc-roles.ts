// Single sign-on: which Galley role a user gets from their identity provider's claims
// (ADR 014). Pure: no database, no Next. Read at every SSO sign-in, so the provider stays
// the source of truth for SSO users' roles.
import type { Role } from "@/lib/auth/policy";

/** Least to most powerful: a user in several mapped groups gets the highest. */
const RANK: Record<Role, number> = { VIEWER: 0, REVIEWER: 1, EDITOR: 2, ADMIN: 3 };
const ROLE_NAMES = Object.keys(RANK) as Role[];

/** Claim value → role. */
export type RoleMap = ReadonlyMap<string, Role>;

export const DEFAULT_SSO_ROLE: Role = "VIEWER";

function toRole(raw: string): Role | null {
  const upper = raw.trim().toUpperCase();
  return (ROLE_NAMES as string[]).includes(upper) ? (upper as Role) : null;
}

/**
 * Parses GALLEY_OIDC_ROLE_MAP. Two spellings:
 * - `galley-admins=ADMIN,desk=EDITOR` (comma-separated `value=ROLE`; the last `=` splits, so a
 *   value may contain `=` but not `,`);
 * - a JSON object `{"cn=Desk,ou=Groups": "EDITOR"}` for values that contain commas (LDAP DNs).
 * Throws with a message naming the bad entry; lib/env.ts turns it into a start-up error.
 */
export function parseRoleMap(raw: string | undefined): RoleMap {
  const map = new Map<string, Role>();
  const text = raw?.trim() ?? "";
  if (text === "") return map;
  let pairs: [string, unknown][];
  if (text.startsWith("{") || text.startsWith("[")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error("is not valid JSON");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
      throw new Error('must be a JSON object such as {"desk": "EDITOR"}');
    pairs = Object.entries(parsed);
  } else {
    pairs = text
      .split(",")
      .map((entry) => entry.trim())
      .filter((entry) => entry !== "")
      .map((entry): [string, unknown] => {
        const at = entry.lastIndexOf("=");
        if (at <= 0) throw new Error(`entry "${entry}" must look like value=ROLE`);
        return [entry.slice(0, at).trim(), entry.slice(at + 1)];
      });
  }
  for (const [value, roleName] of pairs) {
    const role = typeof roleName === "string" ? toRole(roleName) : null;
    if (!role)
      throw new Error(
        `"${value}" maps to ${JSON.stringify(roleName)}, not one of ${ROLE_NAMES.join(", ")}`,
      );
    if (value === "") throw new Error("a claim value is empty");
    map.set(value, role);
  }
  return map;
}

/**
 * The claim's values as strings. The name is first looked up as is (Auth0 and others use
 * URL-like names with dots, e.g. `https://galley.example/roles`), then as a dot path into
 * nested objects (Keycloak's `realm_access.roles`). A string is one value, an array of
 * strings many; anything else gives none.
 */
export function claimValues(claims: Record<string, unknown>, claimName: string): string[] {
  let value: unknown = Object.hasOwn(claims, claimName) ? claims[claimName] : undefined;
  if (value === undefined && claimName.includes(".")) {
    value = claimName.split(".").reduce<unknown>((node, key) => {
      if (typeof node !== "object" || node === null || Array.isArray(node)) return undefined;
      return Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
    }, claims);
  }
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return [];
}

/** The highest role any of the claim's values maps to; DEFAULT_SSO_ROLE when none does. */
export function roleFromClaims(
  claims: Record<string, unknown>,
  claimName: string,
  map: RoleMap,
): Role {
  let best: Role = DEFAULT_SSO_ROLE;
  for (const value of claimValues(claims, claimName)) {
    const role = map.get(value);
    if (role && RANK[role] > RANK[best]) best = role;
  }
  return best;
}
