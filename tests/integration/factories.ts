import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { userActor, type Role, type UserActor } from "@/lib/auth/policy";
import type { IngestArticleInput } from "@/lib/ingest/schema";
import { sealAuditLog } from "@/lib/server/audit-sealer";
import { verifyAuditLog } from "@/lib/server/audit-verify";
import { ingestArticle } from "@/lib/server/ingest";
import { changeStatus } from "@/lib/server/revisions";
import { createUser } from "@/lib/server/users";

// Factories make unique data per test, so tests never depend on each other.
const uid = () => randomBytes(4).toString("hex");

export async function makeUser(
  role: Role = "REVIEWER",
  password = "test-password-1",
): Promise<UserActor> {
  const user = await createUser(
    { email: `${role.toLowerCase()}-${uid()}@test.local`, role, password },
    { type: "SYSTEM", label: "test" },
  );
  return userActor(user);
}

export function articleInput(overrides: Partial<IngestArticleInput> = {}): IngestArticleInput {
  return {
    sourceLang: "ko",
    targetLang: "en",
    engine: { name: "Test MT", version: "1" },
    externalId: `ext-${uid()}`,
    outlet: "Test Outlet",
    title: { source: "제목", mt: "A title" },
    source: "첫 문단입니다.\n\n둘째 문단입니다.\n\n셋째 문단입니다.",
    mt: "This is the first paragraph.\n\nThis is the second paragraph.\n\nThis is the third paragraph.",
    ...overrides,
  };
}

export async function makeArticle(actor: UserActor, overrides: Partial<IngestArticleInput> = {}) {
  const res = await ingestArticle(articleInput(overrides), actor);
  return res.article;
}

/** Moves an article through review to PUBLISHED, so readers (and their feedback) can see it. */
export async function publishArticle(articleId: string, editor: UserActor): Promise<void> {
  for (const to of ["IN_REVIEW", "APPROVED", "PUBLISHED"] as const) {
    await changeStatus({ articleId, to, actor: editor });
  }
}

/** Seals every committed audit event and checks the whole log (leaves, hashes, signed heads). */
export async function expectAuditLogIntact(): Promise<void> {
  const sealed = await sealAuditLog();
  expect(sealed.status).toBe("sealed");
  expect(await verifyAuditLog()).toMatchObject({ ok: true });
}
