import { ROLE_PERMISSIONS, ROLES, type Permission, type Role } from "@/lib/auth/policy";
import type { ArticleStatus } from "./types";

// The review workflow. Edits move an article back into review (see
// statusAfterEdit); explicit transitions go through `allowedTransitions`.
// A reviewer who has finished submits (SUBMITTED, "Ready for approval"); an editor
// approves or requests changes; the reviewer may withdraw a submission.
const TRANSITIONS: Record<ArticleStatus, ArticleStatus[]> = {
  NEW: ["IN_REVIEW"],
  IN_REVIEW: ["SUBMITTED", "APPROVED", "CHANGES_REQUESTED"],
  SUBMITTED: ["APPROVED", "CHANGES_REQUESTED", "IN_REVIEW"],
  CHANGES_REQUESTED: ["IN_REVIEW"],
  APPROVED: ["PUBLISHED", "IN_REVIEW", "CHANGES_REQUESTED"],
  PUBLISHED: ["IN_REVIEW"],
};

/** Permission needed to move an article into each status. */
export const TRANSITION_PERMISSION: Record<ArticleStatus, Permission> = {
  NEW: "admin:users", // never a target; listed for completeness
  IN_REVIEW: "edit:revision",
  SUBMITTED: "edit:revision",
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

/** A request for changes must say what to change: the note is what reaches the reviewer. */
export function noteRequired(to: ArticleStatus): boolean {
  return to === "CHANGES_REQUESTED";
}

/** Approving and publishing pass the gate (open problems block them unless overridden). */
export function isGated(to: ArticleStatus): boolean {
  return to === "APPROVED" || to === "PUBLISHED";
}

/** Saving text always leaves the article in review: approval covered older text. */
export function statusAfterEdit(_current: ArticleStatus): ArticleStatus {
  return "IN_REVIEW";
}

export const STATUS_LABEL: Record<ArticleStatus, string> = {
  NEW: "New",
  IN_REVIEW: "In review",
  SUBMITTED: "Ready for approval",
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
