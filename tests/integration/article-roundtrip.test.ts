import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, db, type Db } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import { galleyArticleDocumentSchema, type GalleyArticleDocument } from "@/lib/formats/galley-json";
import { assignArticle } from "@/lib/server/articles";
import { buildArticleDocument } from "@/lib/server/export-article";
import { importArticleDocument } from "@/lib/server/import-article";
import { changeStatus, saveRevision } from "@/lib/server/revisions";
import { createTestDatabase, dropTestDatabase } from "../support/test-db";
import { makeArticle, makeUser } from "./factories";

const cli = (args: string[], env: Record<string, string>) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/galley.ts", ...args],
      { env: { ...process.env, ...env } },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });

/** An article with edits, a revert-free history, workflow, annotations, feedback, a dismissal. */
async function richArticle() {
  const editor = await makeUser("EDITOR");
  const reviewer = await makeUser("REVIEWER");
  const a = await makeArticle(editor, {
    byline: "Kim Min-ji",
    publishedAt: "2026-03-01T09:30:00+09:00",
  });
  await changeStatus({ articleId: a.id, to: "IN_REVIEW", actor: reviewer });
  await saveRevision({
    articleId: a.id,
    baseRevision: 1,
    segments: [{ index: 1, text: "This is the very first paragraph." }],
    summary: "tighten lead",
    actor: reviewer,
  });
  await saveRevision({
    articleId: a.id,
    baseRevision: 2,
    segments: [
      { index: 0, text: "A better title" },
      { index: 3, text: 'Third paragraph, <edited> & "quoted" 😀' },
    ],
    actor: editor,
  });
  await changeStatus({ articleId: a.id, to: "APPROVED", actor: editor });
  await changeStatus({ articleId: a.id, to: "PUBLISHED", note: "first run", actor: editor });
  await assignArticle(a.id, reviewer.email, editor);
  const fb = await db().feedback.create({
    data: {
      articleId: a.id,
      revisionSeen: 3,
      segmentIndex: 1,
      quote: "very first",
      quoteStart: 12,
      quoteEnd: 22,
      category: "GRAMMAR_OR_TYPO",
      suggestion: "This is the first paragraph.",
      comment: "Redundant word",
      contact: "reader@example.com",
      status: "ACCEPTED",
      triagedById: editor.userId,
      triagedAt: new Date("2026-03-02T10:00:00Z"),
      ipHash: "abc123",
    },
  });
  await db().feedback.create({
    data: {
      articleId: a.id,
      revisionSeen: 3,
      category: "OTHER",
      comment: "Same as the other one",
      status: "DUPLICATE",
      duplicateOfId: fb.id,
      ipHash: "def456",
    },
  });
  await db().annotation.create({
    data: {
      articleId: a.id,
      revisionNumber: 2,
      segmentIndex: 1,
      start: 0,
      end: 4,
      quote: "This",
      category: "Fluency/Grammar",
      severity: "Minor",
      note: "check",
      status: "RESOLVED",
      authorId: reviewer.userId,
    },
  });
  await db().qaDismissal.create({
    data: {
      articleId: a.id,
      segmentIndex: 2,
      check: "number-mismatch",
      fingerprint: "fp-1",
      reason: "fine",
      dismissedById: reviewer.userId,
    },
  });
  return { id: a.id, editor, reviewer };
}

const withoutExportTime = ({ exportedAt: _e, ...rest }: GalleyArticleDocument) => rest;

describe("Galley JSON export and import", () => {
  let second: { name: string; url: string };
  let secondDb: Db;
  let dir: string;

  beforeAll(async () => {
    second = await createTestDatabase("galley_it_import");
    await migrate(second.url);
    secondDb = createDb(second.url);
    dir = await mkdtemp(path.join(tmpdir(), "galley-roundtrip-"));
  });
  afterAll(async () => {
    await secondDb?.$disconnect();
    if (second) await dropTestDatabase(second.name);
  });

  it("exports a valid, complete document", async () => {
    const { id, editor, reviewer } = await richArticle();
    const doc = await buildArticleDocument(id);
    expect(galleyArticleDocumentSchema.safeParse(doc).success).toBe(true);
    expect(doc).toMatchObject({ format: "galley-article", version: 1 });
    expect(doc.article).toMatchObject({
      status: "PUBLISHED",
      currentRevision: 3,
      approvedRevision: 3,
      publishedRevision: 3,
      assignee: reviewer.email,
      publishedAt: "2026-03-01T00:30:00.000Z",
    });
    expect(doc.revisions.map((r) => [r.number, r.parent, r.kind, r.author])).toEqual([
      [1, null, "INGEST", editor.email],
      [2, 1, "EDIT", reviewer.email],
      [3, 2, "EDIT", editor.email],
    ]);
    expect(doc.revisions[0]!.texts).toHaveLength(4);
    expect(doc.revisions[2]!.texts.map((t) => t.index)).toEqual([0, 3]);
    expect(doc.publications).toMatchObject([{ revision: 3, note: "first run" }]);
    expect(doc.feedback).toHaveLength(2);
    expect(JSON.stringify(doc)).not.toContain("abc123"); // IP hashes stay home
    expect(doc.users.map((u) => u.email).sort()).toEqual([editor.email, reviewer.email].sort());
  });

  it("recreates the article in an empty database through the CLI; re-export is identical", async () => {
    const { id } = await richArticle();
    const exported = await buildArticleDocument(id);
    const file = path.join(dir, `${id}.json`);
    await writeFile(file, JSON.stringify(exported, null, 2));

    const res = await cli(["import", file], { DATABASE_URL: second.url });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain(`imported article ${id}`);
    expect(res.stdout).toContain("created disabled users");

    const again = await buildArticleDocument(id, secondDb);
    expect(withoutExportTime(again)).toEqual(withoutExportTime(exported));

    // Missing people were created disabled and without rights; one audit event says so.
    const users = await secondDb.user.findMany();
    expect(users.every((u) => u.role === "VIEWER" && u.disabledAt !== null)).toBe(true);
    const events = await secondDb.auditEvent.findMany({ where: { entityId: id } });
    expect(events.map((e) => e.action)).toEqual(["article.import"]);
    // The imported article behaves like any other: it can take a new revision.
    const view = await secondDb.article.findUniqueOrThrow({ where: { id } });
    expect(view).toMatchObject({ title: "A better title", currentRevision: 3 });

    const twice = await cli(["import", file], { DATABASE_URL: second.url });
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain("already exists");
  });

  it("refuses to import over an existing article (409) and writes nothing", async () => {
    const { id } = await richArticle();
    const doc = await buildArticleDocument(id);
    const before = await db().auditEvent.count();
    await expect(
      importArticleDocument(doc, { type: "SYSTEM", label: "test" }),
    ).rejects.toMatchObject({
      status: 409,
    });
    // Same outlet+externalId under another id is the same article too.
    const renamed = { ...doc, article: { ...doc.article, id: `${doc.article.id}x` } };
    await expect(
      importArticleDocument(renamed, { type: "SYSTEM", label: "test" }),
    ).rejects.toMatchObject({ status: 409, details: { existingId: id } });
    expect(await db().auditEvent.count()).toBe(before);
  });

  it("imports a copy under a new identity with a fresh slug when the slug is taken", async () => {
    const { id } = await richArticle();
    const doc = await buildArticleDocument(id);
    const suffix = Date.now().toString(36);
    const copy: GalleyArticleDocument = {
      ...doc,
      article: { ...doc.article, id: `copy${suffix}`, externalId: `copy-${suffix}` },
      publications: doc.publications.map((p) => ({ ...p, id: `${p.id}c` })),
      annotations: doc.annotations.map((p) => ({ ...p, id: `${p.id}c` })),
      feedback: doc.feedback.map((f) => ({
        ...f,
        id: `${f.id}c`,
        duplicateOf: f.duplicateOf ? `${f.duplicateOf}c` : null,
      })),
      revisions: doc.revisions.map((r) => ({
        ...r,
        feedbackId: r.feedbackId ? `${r.feedbackId}c` : null,
      })),
    };
    const res = await importArticleDocument(copy, { type: "SYSTEM", label: "test" });
    expect(res.slug).not.toBe(doc.article.slug);
    const back = await buildArticleDocument(res.id);
    expect(back.revisions).toEqual(copy.revisions);
    expect(back.feedback).toEqual(copy.feedback);
  });

  it("rejects inconsistent documents with the path of the problem", () => {
    const base = {
      format: "galley-article",
      version: 1,
      exportedAt: "2026-01-01T00:00:00.000Z",
      users: [],
      article: {},
      segments: [],
      revisions: [],
      publications: [],
      annotations: [],
      feedback: [],
      qaDismissals: [],
    };
    const res = galleyArticleDocumentSchema.safeParse(base);
    expect(res.success).toBe(false);
    expect(res.error!.issues.map((i) => i.path.join("."))).toContain("article.id");
  });
});
