// The one authorization policy. Pages, server actions, /api/v1 routes and the
// CLI all ask `can()` / `requirePermission()`; no component keeps its own copy.
import { enumValues, Role as RoleEnum } from "@/lib/domain/types";
import { forbidden, unauthorized } from "@/lib/errors";

export const ROLES = enumValues(RoleEnum);
export type Role = RoleEnum;

export const PERMISSIONS = [
  "read:article",
  "read:metrics",
  "ingest:article",
  "export:article",
  "edit:revision",
  "annotate:revision",
  "comment:article",
  "dismiss:qa",
  "triage:feedback",
  "assign:article",
  "approve:article",
  "publish:article",
  "manage:glossary",
  "manage:qa-rules",
  "read:audit",
  "admin:users",
  "admin:tokens",
  "manage:webhooks",
  "manage:outlets",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const VIEWER: Permission[] = ["read:article", "read:metrics", "export:article"];
const REVIEWER: Permission[] = [
  ...VIEWER,
  "edit:revision",
  "annotate:revision",
  "comment:article",
  "dismiss:qa",
  "triage:feedback",
];
const EDITOR: Permission[] = [
  ...REVIEWER,
  "ingest:article",
  "assign:article",
  "approve:article",
  "publish:article",
  "manage:glossary",
  "manage:qa-rules",
];
const ADMIN: Permission[] = [
  ...EDITOR,
  "read:audit",
  "admin:users",
  "admin:tokens",
  "manage:webhooks",
  "manage:outlets",
];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  VIEWER: new Set(VIEWER),
  REVIEWER: new Set(REVIEWER),
  EDITOR: new Set(EDITOR),
  ADMIN: new Set(ADMIN),
};

/** Who is acting. Derived on the server from the session or token, never from a body. */
export type Actor =
  | {
      type: "USER" | "TOKEN";
      userId: string;
      tokenId: string | null;
      email: string;
      name: string;
      role: Role;
    }
  | { type: "ANONYMOUS"; ipHash: string | null }
  | { type: "SYSTEM"; label: string };

export type UserActor = Extract<Actor, { type: "USER" | "TOKEN" }>;

/** The one user → actor mapping: a session's user, or with `tokenId` an API token's. */
export function userActor(
  user: { id: string; email: string; name: string; role: Role },
  tokenId: string | null = null,
): UserActor {
  return {
    type: tokenId ? "TOKEN" : "USER",
    userId: user.id,
    tokenId,
    email: user.email,
    name: user.name,
    role: user.role,
  };
}

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  if (!actor || (actor.type !== "USER" && actor.type !== "TOKEN")) return false;
  return ROLE_PERMISSIONS[actor.role].has(permission);
}

/** Throws 401 without an identity, 403 without the permission. */
export function requirePermission(
  actor: Actor | null | undefined,
  permission: Permission,
): UserActor {
  if (!actor || (actor.type !== "USER" && actor.type !== "TOKEN")) throw unauthorized();
  if (!ROLE_PERMISSIONS[actor.role].has(permission)) {
    throw forbidden(`Your role (${actor.role}) lacks the permission ${permission}`);
  }
  return actor;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Navigation entries by permission, so the menu follows the same policy. */
export const NAV_ITEMS: { href: string; label: string; permission: Permission }[] = [
  { href: "/articles", label: "Articles", permission: "read:article" },
  { href: "/feedback", label: "Feedback", permission: "triage:feedback" },
  { href: "/dashboard", label: "Dashboard", permission: "read:metrics" },
  { href: "/glossary", label: "Glossary", permission: "manage:glossary" },
  { href: "/qa-rules", label: "QA rules", permission: "manage:qa-rules" },
  { href: "/audit", label: "Audit", permission: "read:audit" },
  { href: "/webhooks", label: "Webhooks", permission: "manage:webhooks" },
  { href: "/admin", label: "Admin", permission: "admin:users" },
];
