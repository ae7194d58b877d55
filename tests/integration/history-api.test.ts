import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as blameRoute } from "@/app/api/v1/articles/[id]/blame/route";
import { GET as segmentBlameRoute } from "@/app/api/v1/articles/[id]/blame/[index]/route";
import { GET as diffRoute } from "@/app/api/v1/articles/[id]/diff/route";
import { POST as revertRoute } from "@/app/api/v1/articles/[id]/revert/route";
import { GET as listRoute } from "@/app/api/v1/articles/[id]/revisions/route";
import { GET as revisionRoute } from "@/app/api/v1/articles/[id]/revisions/[n]/route";
import type { UserActor } from "@/lib/auth/policy";
import { createApiToken } from "@/lib/server/api-tokens";
import { saveRevision } from "@/lib/server/revisions";
import type { Change } from "@/lib/text/diff";
import { callRoute } from "./api-call";
import { makeArticle, makeUser } from "./factories";

const rebuild = (changes: Change[], drop: "added" | "removed") =>
  changes
    .filter((c) => !c[drop])
    .map((c) => c.value)
    .join("");

async function tokenFor(actor: UserActor) {
  return (await createApiToken({ userId: actor.userId, name: "history-test" }, actor)).token;
}

describe("history API", () => {
  let reviewer: UserActor;
  let editor: UserActor;
  let token = "";
  let viewerToken = "";
  let id = "";

  beforeAll(async () => {
    reviewer = await makeUser("REVIEWER");
    editor = await makeUser("EDITOR");
    token = await tokenFor(reviewer);
    viewerToken = await tokenFor(await makeUser("VIEWER"));
    id = (await makeArticle(reviewer)).id;
    await saveRevision({
      articleId: id,
      baseRevision: 1,
      segments: [{ index: 1, text: "This is the very first paragraph." }],
      summary: "Sharper first paragraph",
      actor: reviewer,
    });
    await saveRevision({
      articleId: id,
      baseRevision: 2,
      segments: [
        { index: 2, text: "The second paragraph, rewritten." },
        { index: 0, text: "A better title" },
      ],
      actor: editor,
    });
  });

  it("lists revisions newest first with keyset paging", async () => {
    const res = await callRoute(listRoute, {
      url: `/api/v1/articles/${id}/revisions?limit=2`,
      params: { id },
      token: viewerToken,
    });
    expect(res.status).toBe(200);
    const page = await res.json();
    expect(page.items.map((i: { number: number }) => i.number)).toEqual([3, 2]);
    expect(page.items[1]).toMatchObject({
      number: 2,
      author: { email: reviewer.email },
      summary: "Sharper first paragraph",
      wordsAdded: 1,
      wordsRemoved: 0,
      segmentsChanged: 1,
      kind: "EDIT",
      status: "IN_REVIEW",
      published: false,
      createdAt: expect.any(String),
    });
    expect(page.nextCursor).toBe("2");
    const next = await (
      await callRoute(listRoute, {
        url: `/api/v1/articles/${id}/revisions?limit=2&cursor=2`,
        params: { id },
        token,
      })
    ).json();
    expect(next).toMatchObject({ items: [{ number: 1, kind: "INGEST" }], nextCursor: null });
  });

  it("answers 400 for bad paging params and 404 for an unknown article", async () => {
    for (const q of ["limit=0", "limit=abc", "cursor=x", "cursor=-1"]) {
      const res = await callRoute(listRoute, {
        url: `/api/v1/articles/${id}/revisions?${q}`,
        params: { id },
        token,
      });
      expect(res.status, q).toBe(400);
    }
    const res = await callRoute(listRoute, {
      url: `/api/v1/articles/nope/revisions`,
      params: { id: "nope" },
      token,
    });
    expect(res.status).toBe(404);
  });

  it("shows one revision in full; 404 for an unknown number, 400 for a non-number", async () => {
    const res = await callRoute(revisionRoute, {
      url: `/api/v1/articles/${id}/revisions/2`,
      params: { id, n: "2" },
      token,
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      number: 2,
      status: "IN_REVIEW",
      author: { email: reviewer.email },
    });
    expect(body.segments[1]).toEqual({
      index: 1,
      kind: "PARAGRAPH",
      source: "첫 문단입니다.",
      mt: "This is the first paragraph.",
      text: "This is the very first paragraph.",
    });
    expect(body.segments[0].text).toBe("A title");
    for (const [n, status] of [
      ["4", 404],
      ["0", 404],
      ["99999999999", 400],
      ["abc", 400],
      ["1.5", 400],
    ] as const) {
      const r = await callRoute(revisionRoute, {
        url: `/api/v1/articles/${id}/revisions/${n}`,
        params: { id, n },
        token,
      });
      expect(r.status, n).toBe(status);
    }
  });

  it("diffs two revisions: every segment by default, stats, and the rebuild invariant", async () => {
    const res = await callRoute(diffRoute, {
      url: `/api/v1/articles/${id}/diff?from=1&to=3`,
      params: { id },
      token,
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.from).toBe(1);
    expect(body.to).toBe(3);
    expect(body.segments.map((s: { index: number }) => s.index)).toEqual([0, 1, 2, 3]);
    expect(body.segments[1].changes).toEqual([
      { value: "This is the " },
      { value: "very ", added: true },
      { value: "first paragraph." },
    ]);
    expect(body.stats).toMatchObject({ segmentsChanged: 3, wordsAdded: expect.any(Number) });
    const omit = await (
      await callRoute(diffRoute, {
        url: `/api/v1/articles/${id}/diff?from=1&to=3&unchanged=omit`,
        params: { id },
        token,
      })
    ).json();
    expect(omit.segments.map((s: { index: number }) => s.index)).toEqual([0, 1, 2]);
  });

  it("answers 400 for bad diff params and 404 for unknown revisions", async () => {
    for (const [q, status] of [
      ["from=1", 400],
      ["from=a&to=2", 400],
      ["from=1&to=2&unchanged=maybe", 400],
      ["from=1&to=9", 404],
      ["from=0&to=1", 400],
    ] as const) {
      const res = await callRoute(diffRoute, {
        url: `/api/v1/articles/${id}/diff?${q}`,
        params: { id },
        token,
      });
      expect(res.status, q).toBe(status);
    }
  });

  it("blames each segment and lists one segment's changes with diffs", async () => {
    const res = await callRoute(blameRoute, {
      url: `/api/v1/articles/${id}/blame`,
      params: { id },
      token,
    });
    const body = await res.json();
    expect(
      body.segments.map((s: { index: number; revision: number; author: { email: string } }) => [
        s.index,
        s.revision,
        s.author.email,
      ]),
    ).toEqual([
      [0, 3, editor.email],
      [1, 2, reviewer.email],
      [2, 3, editor.email],
      [3, 1, reviewer.email],
    ]);
    expect(body.segments[0].changedAt).toEqual(expect.any(String));
    const seg = await (
      await callRoute(segmentBlameRoute, {
        url: `/api/v1/articles/${id}/blame/1`,
        params: { id, index: "1" },
        token,
      })
    ).json();
    expect(
      seg.changes.map((c: { revision: number; text: string }) => [c.revision, c.text]),
    ).toEqual([
      [1, "This is the first paragraph."],
      [2, "This is the very first paragraph."],
    ]);
    expect(seg.changes[1].changes).toContainEqual({ value: "very ", added: true });
    for (const [index, status] of [
      ["9", 404],
      ["x", 400],
    ] as const) {
      const r = await callRoute(segmentBlameRoute, {
        url: `/api/v1/articles/${id}/blame/${index}`,
        params: { id, index },
        token,
      });
      expect(r.status, index).toBe(status);
    }
  });

  it("reverts with a reason (201), refuses a stale base (409), no reason or unknown target (400)", async () => {
    const a = (await makeArticle(reviewer)).id;
    await saveRevision({
      articleId: a,
      baseRevision: 1,
      segments: [{ index: 3, text: "Vandalised." }],
      actor: reviewer,
    });
    const post = (body: unknown, t = token) =>
      callRoute(revertRoute, {
        url: `/api/v1/articles/${a}/revert`,
        params: { id: a },
        token: t,
        method: "POST",
        body,
      });
    expect((await post({ to: 1, baseRevision: 2 })).status).toBe(400);
    expect((await post({ to: 1, baseRevision: 2, reason: "   " })).status).toBe(400);
    expect((await post({ to: 7, baseRevision: 2, reason: "x" })).status).toBe(400);
    expect((await post({ to: 1, baseRevision: 2, reason: "x" }, viewerToken)).status).toBe(403);
    const stale = await post({ to: 1, baseRevision: 1, reason: "undo" });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: "conflict", currentRevision: 2 });
    const ok = await post({ to: 1, baseRevision: 2, reason: "undo vandalism" });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ revision: 3 });
    const list = await (
      await callRoute(listRoute, {
        url: `/api/v1/articles/${a}/revisions?limit=1`,
        params: { id: a },
        token,
      })
    ).json();
    expect(list.items[0]).toMatchObject({
      number: 3,
      kind: "REVERT",
      revertedTo: 1,
      summary: "Reverted to revision 1: undo vandalism",
    });
  });
});

describe("diff endpoint invariant over random edits", () => {
  // Words mixing Korean (with particles and counters), English, digits and punctuation.
  const word = fc.constantFrom(
    "정부는",
    "10조",
    "원을",
    "투입한다",
    "이재명",
    "대통령은",
    "반도체",
    "the",
    "fund",
    "trillion",
    "won",
    "2027년",
    "Lee",
    ",",
    ".",
    "“속도가",
    "생명”",
  );
  const sentence = fc.array(word, { minLength: 0, maxLength: 12 }).map((w) => w.join(" "));

  it("rebuilds from and to texts from the changes of every segment", async () => {
    const reviewer = await makeUser("REVIEWER");
    const token = await tokenFor(reviewer);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ index: fc.integer({ min: 0, max: 3 }), text: sentence }), {
          minLength: 1,
          maxLength: 6,
        }),
        async (edits) => {
          const a = (await makeArticle(reviewer, { sourceLang: "en", targetLang: "ko" })).id;
          let rev = 1;
          for (const e of edits) {
            const res = await saveRevision({
              articleId: a,
              baseRevision: rev,
              segments: [e],
              actor: reviewer,
            });
            rev = res.revision;
          }
          const res = await callRoute(diffRoute, {
            url: `/api/v1/articles/${a}/diff?from=1&to=${rev}`,
            params: { id: a },
            token,
          });
          const body = await res.json();
          const expectedTo = new Map<number, string>([
            [0, "A title"],
            [1, "This is the first paragraph."],
            [2, "This is the second paragraph."],
            [3, "This is the third paragraph."],
          ]);
          const expectedFrom = new Map(expectedTo);
          for (const e of edits) expectedTo.set(e.index, e.text);
          for (const s of body.segments as { index: number; changes: Change[] }[]) {
            expect(rebuild(s.changes, "removed")).toBe(expectedTo.get(s.index));
            expect(rebuild(s.changes, "added")).toBe(expectedFrom.get(s.index));
          }
          expect(body.segments).toHaveLength(4);
        },
      ),
      { numRuns: 15 },
    );
  });
});
