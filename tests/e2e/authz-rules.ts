// The expected authorization of every page and API route. The matrix test
// (authz-matrix.spec.ts) derives the route list from app/ on disk, so a new
// route without a rule here fails the suite.
//
// `min` is the least role allowed ("public" = anyone, including anonymous).
// For allowed callers `ok` lists acceptable statuses: writes send an invalid body
// on purpose so an allowed caller gets 400 and nothing changes.

export type MinRole = "public" | "viewer" | "reviewer" | "editor" | "admin";

export interface ApiRule {
  min: MinRole;
  path: string;
  body?: unknown;
  contentType?: string;
  ok: number[];
}

export interface PageRule {
  min: MinRole | "signed-in";
  path: string;
}

const INVALID = {};
const W = { body: INVALID, ok: [400] }; // write with an invalid body

export const API_RULES: Record<string, ApiRule> = {
  "GET /api/health": { min: "public", path: "/api/health", ok: [200] },
  "GET /api/auth/[...nextauth]": { min: "public", path: "/api/auth/csrf", ok: [200] },
  "POST /api/auth/[...nextauth]": {
    min: "public",
    path: "/api/auth/signout",
    ok: [200, 302, 400, 403],
  },
  "GET /api/v1/openapi.json": { min: "public", path: "/api/v1/openapi.json", ok: [200] },
  // Benchmark baseline (bench/feedback-intake.ts): 404 unless GALLEY_BENCH_ROUTES=1, which tests never set.
  "POST /api/bench/baseline": { min: "public", path: "/api/bench/baseline", ok: [404] },

  "GET /api/v1/articles": { min: "viewer", path: "/api/v1/articles", ok: [200] },
  "POST /api/v1/articles": { min: "editor", path: "/api/v1/articles", ...W },
  "POST /api/v1/articles/bulk": {
    min: "editor",
    path: "/api/v1/articles/bulk",
    body: "not json\n",
    contentType: "application/x-ndjson",
    ok: [200],
  },
  "POST /api/v1/articles/import": { min: "editor", path: "/api/v1/articles/import", ...W },
  "GET /api/v1/articles/[id]": { min: "viewer", path: "/api/v1/articles/{id}", ok: [200] },
  "GET /api/v1/articles/[id]/revisions": {
    min: "viewer",
    path: "/api/v1/articles/{id}/revisions",
    ok: [200],
  },
  "POST /api/v1/articles/[id]/revisions": {
    min: "reviewer",
    path: "/api/v1/articles/{id}/revisions",
    ...W,
  },
  "GET /api/v1/articles/[id]/revisions/[n]": {
    min: "viewer",
    path: "/api/v1/articles/{id}/revisions/1",
    ok: [200],
  },
  "GET /api/v1/articles/[id]/diff": {
    min: "viewer",
    path: "/api/v1/articles/{id}/diff?from=1&to=1",
    ok: [200],
  },
  "POST /api/v1/articles/[id]/revert": {
    min: "reviewer",
    path: "/api/v1/articles/{id}/revert",
    ...W,
  },
  "GET /api/v1/articles/[id]/blame": {
    min: "viewer",
    path: "/api/v1/articles/{id}/blame",
    ok: [200],
  },
  "GET /api/v1/articles/[id]/blame/[index]": {
    min: "viewer",
    path: "/api/v1/articles/{id}/blame/1",
    ok: [200],
  },
  "GET /api/v1/articles/[id]/slug": {
    min: "viewer",
    path: "/api/v1/articles/{id}/slug",
    ok: [200],
  },
  // `{}` is a valid body here (follow the headline), so send a slug that is not one.
  "POST /api/v1/articles/[id]/slug": {
    min: "editor",
    path: "/api/v1/articles/{id}/slug",
    body: { slug: "Not A Slug" },
    ok: [400],
  },
  "POST /api/v1/articles/[id]/status": {
    min: "reviewer",
    path: "/api/v1/articles/{id}/status",
    ...W,
  },
  "POST /api/v1/articles/[id]/assign": {
    min: "editor",
    path: "/api/v1/articles/{id}/assign",
    ...W,
  },
  "GET /api/v1/articles/[id]/export": {
    min: "viewer",
    path: "/api/v1/articles/{id}/export?format=md",
    ok: [200],
  },
  "POST /api/v1/articles/[id]/xliff": {
    min: "reviewer",
    path: "/api/v1/articles/{id}/xliff?baseRevision=1",
    body: "<not-xliff/>",
    contentType: "application/xml",
    ok: [400, 409],
  },
  "GET /api/v1/articles/[id]/annotations": {
    min: "viewer",
    path: "/api/v1/articles/{id}/annotations",
    ok: [200],
  },
  "POST /api/v1/articles/[id]/annotations": {
    min: "reviewer",
    path: "/api/v1/articles/{id}/annotations",
    ...W,
  },
  "PATCH /api/v1/articles/[id]/annotations/[annotationId]": {
    min: "reviewer",
    path: "/api/v1/articles/{id}/annotations/{annotationId}",
    body: { severity: "nonsense" },
    ok: [400],
  },
  "GET /api/v1/articles/[id]/timeline": {
    min: "viewer",
    path: "/api/v1/articles/{id}/timeline",
    ok: [200],
  },
  "GET /api/v1/articles/[id]/comments": {
    min: "viewer",
    path: "/api/v1/articles/{id}/comments",
    ok: [200],
  },
  "POST /api/v1/articles/[id]/comments": {
    min: "reviewer",
    path: "/api/v1/articles/{id}/comments",
    ...W,
  },
  // A live stream: maxSeconds=1 makes it end, so the matrix can read the whole answer.
  "GET /api/v1/articles/[id]/events": {
    min: "viewer",
    path: "/api/v1/articles/{id}/events?maxSeconds=1",
    ok: [200],
  },
  "POST /api/v1/articles/[id]/presence": {
    min: "viewer",
    path: "/api/v1/articles/{id}/presence",
    ...W,
  },
  "PATCH /api/v1/comments/[id]": { min: "reviewer", path: "/api/v1/comments/{commentId}", ...W },
  "GET /api/v1/notifications": { min: "viewer", path: "/api/v1/notifications", ok: [200] },
  "POST /api/v1/notifications/read": {
    min: "viewer",
    path: "/api/v1/notifications/read",
    body: { ids: "not a list" },
    ok: [400],
  },
  "GET /api/v1/articles/[id]/checks": {
    min: "viewer",
    path: "/api/v1/articles/{id}/checks",
    ok: [200],
  },
  "POST /api/v1/articles/[id]/checks/dismiss": {
    min: "reviewer",
    path: "/api/v1/articles/{id}/checks/dismiss",
    ...W,
  },
  "GET /api/v1/articles/[id]/quality": {
    min: "viewer",
    path: "/api/v1/articles/{id}/quality",
    ok: [200],
  },
  "GET /api/v1/articles/[id]/feedback": {
    min: "reviewer",
    path: "/api/v1/articles/{id}/feedback",
    ok: [200],
  },
  "POST /api/v1/articles/[id]/feedback": {
    min: "public",
    path: "/api/v1/articles/{id}/feedback",
    ...W,
  },
  "GET /api/v1/feedback": { min: "reviewer", path: "/api/v1/feedback", ok: [200] },
  "GET /api/v1/feedback/[id]": {
    min: "reviewer",
    path: "/api/v1/feedback/{feedbackId}",
    ok: [200],
  },
  "PATCH /api/v1/feedback/[id]": { min: "reviewer", path: "/api/v1/feedback/{feedbackId}", ...W },
  "POST /api/v1/feedback/bulk": { min: "reviewer", path: "/api/v1/feedback/bulk", ...W },
  "GET /api/v1/glossary": { min: "viewer", path: "/api/v1/glossary", ok: [200] },
  "POST /api/v1/glossary": { min: "editor", path: "/api/v1/glossary", ...W },
  "GET /api/v1/approved-names": { min: "viewer", path: "/api/v1/approved-names", ok: [200] },
  "POST /api/v1/approved-names": { min: "reviewer", path: "/api/v1/approved-names", ...W },
  "DELETE /api/v1/approved-names/[id]": {
    min: "editor",
    path: "/api/v1/approved-names/none",
    ok: [404],
  },
  "POST /api/v1/articles/[id]/checks/apply": {
    min: "reviewer",
    path: "/api/v1/articles/{id}/checks/apply",
    ...W,
  },
  "GET /api/v1/articles/[id]/tm": { min: "viewer", path: "/api/v1/articles/{id}/tm", ok: [200] },
  "GET /api/v1/tm/search": { min: "viewer", path: "/api/v1/tm/search?q=Seoul", ok: [200] },
  "GET /api/v1/qa-rules": { min: "editor", path: "/api/v1/qa-rules", ok: [200] },
  "POST /api/v1/qa-rules": { min: "editor", path: "/api/v1/qa-rules", ...W },
  "PATCH /api/v1/qa-rules/[id]": { min: "editor", path: "/api/v1/qa-rules/none", ...W },
  "DELETE /api/v1/qa-rules/[id]": { min: "editor", path: "/api/v1/qa-rules/none", ok: [404] },
  "GET /api/v1/metrics": { min: "viewer", path: "/api/v1/metrics", ok: [200] },
  "GET /api/v1/metrics/patterns": { min: "viewer", path: "/api/v1/metrics/patterns", ok: [200] },
  "GET /api/v1/exports/tmx": { min: "viewer", path: "/api/v1/exports/tmx", ok: [200] },
  "GET /api/v1/audit": { min: "admin", path: "/api/v1/audit", ok: [200] },
  "GET /api/v1/audit/verify": { min: "admin", path: "/api/v1/audit/verify", ok: [200] },
  "GET /api/v1/webhooks": { min: "admin", path: "/api/v1/webhooks", ok: [200] },
  "POST /api/v1/webhooks": { min: "admin", path: "/api/v1/webhooks", ...W },
  "DELETE /api/v1/webhooks/[id]": { min: "admin", path: "/api/v1/webhooks/none", ok: [404] },
  "GET /api/v1/webhooks/[id]/deliveries": {
    min: "admin",
    path: "/api/v1/webhooks/none/deliveries",
    ok: [404],
  },
  "POST /api/v1/webhooks/[id]/deliveries/[deliveryId]/retry": {
    min: "admin",
    path: "/api/v1/webhooks/none/deliveries/none/retry",
    ok: [404],
  },
  // Issue 17 item 7: published corrections as Atom, public like /read.
  "GET /feeds/corrections.atom": {
    min: "public",
    path: "/feeds/corrections.atom",
    ok: [200],
  },
  // The verifiable log (issue 18): heads and consistency proofs are public; inclusion proofs
  // need read:audit except for publication events (leaf 0 is a seed event, not one).
  "GET /.well-known/galley-log.json": {
    min: "public",
    path: "/.well-known/galley-log.json",
    ok: [200],
  },
  "GET /api/v1/log/sth": { min: "public", path: "/api/v1/log/sth", ok: [200] },
  "GET /api/v1/log/proof/consistency": {
    min: "public",
    path: "/api/v1/log/proof/consistency?first=1&second=1",
    ok: [200],
  },
  "GET /api/v1/log/proof/inclusion": {
    min: "admin",
    path: "/api/v1/log/proof/inclusion?index=0&treeSize=1",
    ok: [200],
  },
  "POST /read/[slug]/feedback": {
    min: "public",
    path: "/read/{slug}/feedback",
    body: "category=NOPE",
    contentType: "application/x-www-form-urlencoded",
    ok: [303, 400],
  },
  // Issue 17: outlets (admin) and the embed's public side.
  "GET /api/v1/outlets": { min: "admin", path: "/api/v1/outlets", ok: [200] },
  "POST /api/v1/outlets": { min: "admin", path: "/api/v1/outlets", ...W },
  "PATCH /api/v1/outlets/[id]": { min: "admin", path: "/api/v1/outlets/none", ...W },
  "GET /api/v1/public/articles/lookup": {
    min: "public",
    path: "/api/v1/public/articles/lookup?outlet=none&externalId=none",
    ok: [404],
  },
  "GET /read": { min: "public", path: "/read?outlet=none&externalId=none", ok: [404] },
  "GET /embed.js": { min: "public", path: "/embed.js", ok: [200] },
};

export const PAGE_RULES: Record<string, PageRule> = {
  "/": { min: "public", path: "/" }, // redirects to /articles, which then asks for a session
  "/signin": { min: "public", path: "/signin" },
  "/forbidden": { min: "public", path: "/forbidden" },
  "/read/[slug]": { min: "public", path: "/read/{slug}" },
  "/articles": { min: "viewer", path: "/articles" },
  "/articles/import": { min: "editor", path: "/articles/import" },
  "/articles/new": { min: "editor", path: "/articles/new" },
  "/articles/[id]": { min: "viewer", path: "/articles/{id}" },
  "/articles/[id]/history": { min: "viewer", path: "/articles/{id}/history" },
  "/articles/[id]/history/blame": { min: "viewer", path: "/articles/{id}/history/blame" },
  "/articles/[id]/compare": { min: "viewer", path: "/articles/{id}/compare?from=1&to=1" },
  "/articles/[id]/preview": { min: "viewer", path: "/articles/{id}/preview" },
  "/feedback": { min: "reviewer", path: "/feedback" },
  "/dashboard": { min: "viewer", path: "/dashboard" },
  "/glossary": { min: "editor", path: "/glossary" },
  "/qa-rules": { min: "editor", path: "/qa-rules" },
  "/audit": { min: "admin", path: "/audit" },
  "/admin": { min: "admin", path: "/admin" },
  "/webhooks": { min: "admin", path: "/webhooks" },
  "/admin/outlets": { min: "admin", path: "/admin/outlets" },
  "/account": { min: "signed-in", path: "/account" },
  "/notifications": { min: "signed-in", path: "/notifications" },
};
