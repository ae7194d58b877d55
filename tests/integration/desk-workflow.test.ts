import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { assignArticle } from "@/lib/server/articles";
import { createAnnotation } from "@/lib/server/annotations";
import { createComment, listComments, resolveComment } from "@/lib/server/comments";
import { confirmationProgress } from "@/lib/server/confirmations";
import { submitFeedback } from "@/lib/server/feedback-intake";
import { listNotifications, markNotificationsRead } from "@/lib/server/notifications";
import { changeStatus, saveRevision } from "@/lib/server/revisions";
import { getTimeline } from "@/lib/server/timeline";
import { makeArticle, makeUser, publishArticle } from "./factories";

const confirmAll = (
  articleId: string,
  base: number,
  texts: string[],
  actor: Awaited<ReturnType<typeof makeUser>>,
) =>
  saveRevision({
    articleId,
    baseRevision: base,
    segments: texts.map((text, index) => ({ index, text, confirmed: true })),
    actor,
  });

const MT = [
  "A title",
  "This is the first paragraph.",
  "This is the second paragraph.",
  "This is the third paragraph.",
];

describe("requesting changes", () => {
  it("needs a note, keeps it, and tells the assignee and the last author", async () => {
    const editor = await makeUser("EDITOR");
    const reviewer = await makeUser("REVIEWER");
    const a = await makeArticle(editor);
    await db().article.update({ where: { id: a.id }, data: { assigneeId: reviewer.userId } });
    await changeStatus({ articleId: a.id, to: "IN_REVIEW", actor: reviewer });
    await expect(
      changeStatus({ articleId: a.id, to: "CHANGES_REQUESTED", note: "  ", actor: editor }),
    ).rejects.toMatchObject({ status: 400 });

    await changeStatus({
      articleId: a.id,
      to: "CHANGES_REQUESTED",
      note: "Check the figure in paragraph 2",
      actor: editor,
    });
    const change = await db().statusChange.findFirstOrThrow({
      where: { articleId: a.id, to: "CHANGES_REQUESTED" },
    });
    expect(change).toMatchObject({
      from: "IN_REVIEW",
      note: "Check the figure in paragraph 2",
      actorId: editor.userId,
    });
    const inbox = await listNotifications(reviewer.userId);
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({ kind: "CHANGES_REQUESTED", articleId: a.id });
    expect(inbox.items[0]!.text).toContain("Check the figure in paragraph 2");
    // The editor who asked is not notified of their own request.
    expect((await listNotifications(editor.userId)).items).toEqual([]);

    const timeline = await getTimeline(a.id);
    expect(timeline.items[0]).toMatchObject({
      type: "status",
      from: "IN_REVIEW",
      to: "CHANGES_REQUESTED",
      note: "Check the figure in paragraph 2",
      actor: { email: editor.email },
    });
    expect(await markNotificationsRead(reviewer.userId)).toEqual({ updated: 1 });
    expect((await listNotifications(reviewer.userId)).unread).toBe(0);
  });
});

describe("submitting for approval", () => {
  it("needs every segment confirmed, notifies editors, and an edit returns it to review", async () => {
    const reviewer = await makeUser("REVIEWER");
    const editor = await makeUser("EDITOR");
    const a = await makeArticle(reviewer);
    await changeStatus({ articleId: a.id, to: "IN_REVIEW", actor: reviewer });
    await expect(
      changeStatus({ articleId: a.id, to: "SUBMITTED", actor: reviewer }),
    ).rejects.toMatchObject({
      status: 409,
      code: "gate",
      details: { blockers: [{ kind: "unconfirmed", count: 4 }] },
    });

    // Confirming without changing text stores no revision but counts.
    const confirmed = await confirmAll(a.id, 1, MT, reviewer);
    expect(confirmed).toEqual({ created: false, revision: 1 });
    expect((await confirmationProgress(db(), a.id, 1)).confirmed).toBe(4);

    await changeStatus({ articleId: a.id, to: "SUBMITTED", note: "Ready", actor: reviewer });
    const notified = await listNotifications(editor.userId);
    expect(notified.items.find((n) => n.articleId === a.id)).toMatchObject({ kind: "SUBMITTED" });

    await saveRevision({
      articleId: a.id,
      baseRevision: 1,
      segments: [{ index: 2, text: "This is the revised second paragraph." }],
      actor: reviewer,
    });
    const article = await db().article.findUniqueOrThrow({ where: { id: a.id } });
    expect(article.status).toBe("IN_REVIEW");
    const progress = await confirmationProgress(db(), a.id, 2);
    // The edited segment's confirmation covered the old text only.
    expect([progress.confirmed, progress.bySegment.get(2), progress.bySegment.get(1)]).toEqual([
      3,
      false,
      true,
    ]);
    const statuses = (await getTimeline(a.id)).items.filter((i) => i.type === "status");
    expect(statuses.map((s) => (s.type === "status" ? `${s.from}>${s.to}` : ""))).toEqual([
      "SUBMITTED>IN_REVIEW",
      "IN_REVIEW>SUBMITTED",
      "NEW>IN_REVIEW",
    ]);
  });

  it("accepts a reason instead of confirmations", async () => {
    const reviewer = await makeUser("REVIEWER");
    const a = await makeArticle(reviewer);
    await changeStatus({ articleId: a.id, to: "IN_REVIEW", actor: reviewer });
    const res = await changeStatus({
      articleId: a.id,
      to: "SUBMITTED",
      override: { reason: "Breaking news; title checked" },
      actor: reviewer,
    });
    expect(res.override).toMatchObject({ reason: "Breaking news; title checked" });
  });
});

describe("the approve and publish gate", () => {
  it("blocks approval over an open major annotation until an editor passes it with a reason", async () => {
    const reviewer = await makeUser("REVIEWER");
    const editor = await makeUser("EDITOR");
    const a = await makeArticle(editor);
    await changeStatus({ articleId: a.id, to: "IN_REVIEW", actor: reviewer });
    await createAnnotation(
      {
        articleId: a.id,
        segmentIndex: 1,
        start: 0,
        end: 4,
        category: "Accuracy/Omission",
        severity: "major",
      },
      reviewer,
    );
    await createAnnotation(
      {
        articleId: a.id,
        segmentIndex: 2,
        start: 0,
        end: 4,
        category: "Fluency/Grammar",
        severity: "minor",
      },
      reviewer,
    );
    await expect(
      changeStatus({ articleId: a.id, to: "APPROVED", actor: editor }),
    ).rejects.toMatchObject({
      status: 409,
      code: "gate",
      details: {
        blockers: [{ kind: "annotation", count: 1, detail: "1 open major or critical annotation" }],
      },
    });
    expect((await db().article.findUniqueOrThrow({ where: { id: a.id } })).status).toBe(
      "IN_REVIEW",
    );

    const res = await changeStatus({
      articleId: a.id,
      to: "APPROVED",
      override: { reason: "Omission is deliberate: the source repeats itself" },
      actor: editor,
    });
    expect(res.status).toBe("APPROVED");
    const change = await db().statusChange.findFirstOrThrow({
      where: { articleId: a.id, to: "APPROVED" },
    });
    expect(change.override).toMatchObject({
      reason: "Omission is deliberate: the source repeats itself",
      blockers: [{ kind: "annotation", count: 1 }],
    });
    const event = await db().auditEvent.findFirstOrThrow({
      where: { entityId: a.id, action: "article.status" },
      orderBy: { id: "desc" },
    });
    expect(event.data).toMatchObject({
      to: "APPROVED",
      override: { reason: "Omission is deliberate: the source repeats itself" },
    });
    const item = (await getTimeline(a.id)).items.find(
      (i) => i.type === "status" && i.to === "APPROVED",
    );
    expect(item).toMatchObject({
      override: { reason: "Omission is deliberate: the source repeats itself" },
    });
  });

  it("counts unresolved comment threads, and resolving the thread opens the gate", async () => {
    const reviewer = await makeUser("REVIEWER");
    const editor = await makeUser("EDITOR");
    const a = await makeArticle(editor);
    await changeStatus({ articleId: a.id, to: "IN_REVIEW", actor: reviewer });
    const thread = await createComment(
      { articleId: a.id, segmentIndex: 1, body: "Is this right?" },
      reviewer,
    );
    await createComment({ articleId: a.id, parentId: thread.id, body: "Yes." }, editor);
    await expect(
      changeStatus({ articleId: a.id, to: "APPROVED", actor: editor }),
    ).rejects.toMatchObject({
      details: { blockers: [{ kind: "comment", count: 1 }] },
    });
    await resolveComment(thread.id, true, editor);
    await expect(
      changeStatus({ articleId: a.id, to: "APPROVED", actor: editor }),
    ).resolves.toMatchObject({
      status: "APPROVED",
    });
  });
});

describe("comments and mentions", () => {
  it("notifies the mentioned user only, threads replies, and keeps the body as text", async () => {
    const author = await makeUser("REVIEWER");
    const mentioned = await makeUser("EDITOR");
    const bystander = await makeUser("REVIEWER");
    const a = await makeArticle(author);
    const handle = mentioned.email.split("@")[0]!;
    const body = `@${handle} is <b>10조</b> right? <script>alert(1)</script>`;
    const c = await createComment({ articleId: a.id, segmentIndex: 2, body }, author);
    expect(c).toMatchObject({ body, segmentIndex: 2, mentions: [{ email: mentioned.email }] });
    expect((await listNotifications(mentioned.userId)).items).toMatchObject([
      { kind: "MENTION", commentId: c.id, articleId: a.id },
    ]);
    expect((await listNotifications(bystander.userId)).items).toEqual([]);
    expect((await listNotifications(author.userId)).items).toEqual([]);

    const reply = await createComment(
      { articleId: a.id, parentId: c.id, body: "Checked." },
      mentioned,
    );
    const replyToReply = await createComment(
      { articleId: a.id, parentId: reply.id, body: "Thanks" },
      author,
    );
    expect([reply.parentId, replyToReply.parentId, replyToReply.segmentIndex]).toEqual([
      c.id,
      c.id,
      2,
    ]);
    expect((await listComments(a.id)).map((x) => x.id)).toEqual([c.id, reply.id, replyToReply.id]);
    await expect(
      createComment({ articleId: a.id, segmentIndex: 99, body: "nowhere" }, author),
    ).rejects.toMatchObject({ status: 400 });
    const actions = await db().auditEvent.findMany({
      where: { entityId: a.id, action: { startsWith: "comment." } },
      select: { action: true },
    });
    expect(actions).toHaveLength(3);
  });
});

describe("stale saves", () => {
  it("name who saved in between and carry the base text for a three-way merge", async () => {
    const first = await makeUser("REVIEWER");
    const second = await makeUser("REVIEWER");
    const a = await makeArticle(first);
    await saveRevision({
      articleId: a.id,
      baseRevision: 1,
      segments: [{ index: 1, text: "First's edit." }],
      actor: first,
    });
    await expect(
      saveRevision({
        articleId: a.id,
        baseRevision: 1,
        segments: [{ index: 1, text: "Second's edit." }],
        actor: second,
      }),
    ).rejects.toMatchObject({
      status: 409,
      details: {
        currentRevision: 2,
        savedBy: { name: first.name, email: first.email },
        savedAt: expect.any(String),
        segments: [{ index: 1, text: "First's edit.", base: "This is the first paragraph." }],
      },
    });
  });
});

describe("timeline paging", () => {
  it("pages newest first without gaps or repeats", async () => {
    const editor = await makeUser("EDITOR");
    const a = await makeArticle(editor);
    await changeStatus({ articleId: a.id, to: "IN_REVIEW", actor: editor });
    for (let i = 0; i < 4; i++) {
      await saveRevision({
        articleId: a.id,
        baseRevision: i + 1,
        segments: [{ index: 1, text: `Edit ${i}` }],
        actor: editor,
      });
      await createComment({ articleId: a.id, body: `Note ${i}` }, editor);
    }
    const all = await getTimeline(a.id, { limit: 200 });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await getTimeline(a.id, { limit: 3, cursor });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i) => i.id));
    expect(all.items.length).toBe(1 + 5 + 4); // status, 5 revisions (ingest + 4), 4 comments
    const times = all.items.map((i) => i.at);
    expect([...times].sort().reverse()).toEqual(times);
  });
});

describe("hand-off notifications", () => {
  it("tell the assignee of an assignment, in the same transaction, once", async () => {
    const editor = await makeUser("EDITOR");
    const reviewer = await makeUser("REVIEWER");
    const a = await makeArticle(editor);
    await assignArticle(a.id, reviewer.email, editor);
    const inbox = await listNotifications(reviewer.userId);
    expect(inbox.items).toHaveLength(1);
    expect(inbox.items[0]).toMatchObject({
      kind: "ASSIGNED",
      articleId: a.id,
      actor: { email: editor.email },
    });
    // Assigning again to the same person, or to oneself, tells nobody anything new.
    await assignArticle(a.id, reviewer.email, editor);
    await assignArticle(a.id, editor.email, editor);
    expect((await listNotifications(reviewer.userId)).items).toHaveLength(1);
    expect((await listNotifications(editor.userId)).items).toEqual([]);
    // A refused assignment leaves no notification behind.
    const viewer = await makeUser("VIEWER");
    await expect(assignArticle(a.id, viewer.email, editor)).rejects.toMatchObject({ status: 400 });
    expect((await listNotifications(viewer.userId)).items).toEqual([]);
  });

  it("tell everyone who worked on the article of new reader feedback, and nobody else", async () => {
    const editor = await makeUser("EDITOR");
    const author = await makeUser("REVIEWER");
    const assignee = await makeUser("REVIEWER");
    const bystander = await makeUser("REVIEWER");
    const a = await makeArticle(editor);
    await publishArticle(a.id, editor);
    await saveRevision({
      articleId: a.id,
      baseRevision: 1,
      segments: [{ index: 1, text: "The first paragraph, reviewed." }],
      actor: author,
    });
    await assignArticle(a.id, assignee.email, editor);
    await submitFeedback(
      { articleId: a.id, category: "MISTRANSLATION", comment: "Wrong figure" },
      { actor: { type: "ANONYMOUS", ipHash: "reader-1" }, ipHash: "reader-1" },
    );
    for (const user of [author, assignee, editor]) {
      const feedback = (await listNotifications(user.userId)).items.filter(
        (n) => n.kind === "FEEDBACK",
      );
      expect(feedback).toHaveLength(1);
      expect(feedback[0]).toMatchObject({ articleId: a.id, actor: null });
      expect(feedback[0]!.text).toContain("mistranslation");
    }
    expect((await listNotifications(bystander.userId)).items).toEqual([]);
  });
});
