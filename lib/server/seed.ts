import "server-only";
import { userActor, type Actor, type UserActor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { DEMO_ARTICLES, DEMO_EDITS, DEMO_PASSWORD, DEMO_USERS } from "@/lib/seed/demo-articles";
import { ingestArticle } from "./ingest";
import { createGlossaryTerm } from "./glossary";
import { changeStatus, saveRevision } from "./revisions";
import { seedDemoAnnotations } from "./seed-quality";
import { ensureUser } from "./users";

const SEED_ACTOR: Actor = { type: "SYSTEM", label: "seed" };

/**
 * Demo data, idempotent: users and articles are matched by email and externalId,
 * edits are only applied to an article still at revision 1.
 */
export async function seedDemo(log: (line: string) => void = () => {}): Promise<void> {
  const users = new Map<string, UserActor>();
  for (const u of DEMO_USERS) {
    const user = await ensureUser({ ...u, password: DEMO_PASSWORD }, SEED_ACTOR);
    users.set(u.email, userActor(user));
  }
  log(`demo users: ${DEMO_USERS.map((u) => u.email).join(", ")} (password ${DEMO_PASSWORD})`);
  const editor = users.get("editor@galley.local")!;
  const ids = new Map<string, string>();
  for (const a of DEMO_ARTICLES) {
    const res = await ingestArticle(a, editor);
    ids.set(a.externalId!, res.article.id);
  }
  log(`demo articles: ${DEMO_ARTICLES.length}`);
  const edited = new Set<string>();
  for (const edit of DEMO_EDITS) {
    const id = ids.get(edit.externalId)!;
    const article = await db().article.findUniqueOrThrow({ where: { id } });
    if (article.currentRevision > 1 && !edited.has(id)) continue;
    edited.add(id);
    await saveRevision({
      articleId: id,
      baseRevision: article.currentRevision,
      segments: edit.segments,
      summary: edit.summary,
      actor: users.get(edit.by)!,
    });
  }
  const glossary = [
    { sourceTerm: "이재명", targetTerm: "Lee Jae-myung", note: "President; official romanisation" },
    {
      sourceTerm: "산업통상자원부",
      targetTerm: "Ministry of Trade, Industry and Energy",
      note: null,
    },
    { sourceTerm: "외삼촌", targetTerm: "maternal uncle", note: "mother's brother" },
    { sourceTerm: "오세훈", targetTerm: "Oh Se-hoon", note: "Mayor of Seoul" },
  ];
  for (const g of glossary) {
    const existing = await db().glossaryTerm.findUnique({
      where: {
        sourceLang_targetLang_sourceTerm: {
          sourceLang: "ko",
          targetLang: "en",
          sourceTerm: g.sourceTerm,
        },
      },
    });
    // Through the service, so the demo terms are audited like any other.
    if (!existing) await createGlossaryTerm({ ...g, sourceLang: "ko", targetLang: "en" }, editor);
  }
  // Take the first demo article through approval and publication once.
  const first = await db().article.findUniqueOrThrow({ where: { id: ids.get("demo-2026-1101")! } });
  if (first.status === "IN_REVIEW" && first.publishedRevision === null) {
    await changeStatus({ articleId: first.id, to: "APPROVED", actor: editor });
    await changeStatus({
      articleId: first.id,
      to: "PUBLISHED",
      note: "First publication",
      actor: editor,
    });
  }
  // MQM annotations for both demo engines, so the quality dashboard has data.
  await seedDemoAnnotations(ids, users.get("reviewer@galley.local")!);
  log("demo seed complete");
}
