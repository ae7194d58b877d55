import { ROLE_PERMISSIONS, ROLES, type Permission, type Role } from "@/lib/auth/policy";
import type { ArticleStatus } from "./types";

// The review workflow. Edits move an article back into review (see
// statusAfterEdit); explicit transitions go through `allowedTransitions`.
const TRANSITIONS: Record<ArticleStatus, ArticleStatus[]> = {
  NEW: ["IN_REVIEW"],
  IN_REVIEW: ["APPROVED", "CHANGES_REQUESTED"],
  CHANGES_REQUESTED: ["IN_REVIEW"],
  APPROVED: ["PUBLISHED", "IN_REVIEW", "CHANGES_REQUESTED"],
  PUBLISHED: ["IN_REVIEW"],
};

/** Permission needed to move an article into each status. */
export const TRANSITION_PERMISSION: Record<ArticleStatus, Permission> = {
  NEW: "admin:users", // never a target; listed for completeness
  IN_REVIEW: "edit:revision",
  CHANGES_REQUESTED: "approve:article",
  APPROVED: "approve:article",
  PUBLISHED: "publish:article",
};

export function allowedTransitions(from: ArticleStatus): ArticleStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: ArticleStatus, to: ArticleStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Saving text always leaves the article in review: approval covered older text. */
export function statusAfterEdit(_current: ArticleStatus): ArticleStatus {
  return "IN_REVIEW";
}

export const STATUS_LABEL: Record<ArticleStatus, string> = {
  NEW: "New",
  IN_REVIEW: "In review",
  CHANGES_REQUESTED: "Changes requested",
  APPROVED: "Approved",
  PUBLISHED: "Published",
};

/** Who can be assigned an article: whoever may edit it (every role but VIEWER today). */
export const ASSIGNABLE_ROLES: readonly Role[] = ROLES.filter((r) =>
  ROLE_PERMISSIONS[r].has("edit:revision"),
);

export function canBeAssigned(role: Role): boolean {
  return ASSIGNABLE_ROLES.includes(role);
}
