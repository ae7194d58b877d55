import { describe, expect, it } from "vitest";
import { gateBlockers } from "@/lib/domain/gates";
import { mentionHandles, resolveMentions } from "@/lib/domain/mentions";
import {
  allowedTransitions,
  canTransition,
  isGated,
  noteRequired,
  statusAfterEdit,
  TRANSITION_PERMISSION,
} from "@/lib/domain/workflow";

describe("workflow with submission", () => {
  it("lets a reviewer submit from review and an editor approve or send back", () => {
    expect(canTransition("IN_REVIEW", "SUBMITTED")).toBe(true);
    expect(allowedTransitions("SUBMITTED")).toEqual(["APPROVED", "CHANGES_REQUESTED", "IN_REVIEW"]);
    expect(TRANSITION_PERMISSION.SUBMITTED).toBe("edit:revision");
    expect(TRANSITION_PERMISSION.APPROVED).toBe("approve:article");
    expect(canTransition("NEW", "SUBMITTED")).toBe(false);
    expect(canTransition("SUBMITTED", "PUBLISHED")).toBe(false);
  });

  it("returns a submitted article to review when its text is edited", () => {
    expect(statusAfterEdit("SUBMITTED")).toBe("IN_REVIEW");
  });

  it("requires a note for changes and gates approve and publish", () => {
    expect(noteRequired("CHANGES_REQUESTED")).toBe(true);
    expect(noteRequired("SUBMITTED")).toBe(false);
    expect(
      ["APPROVED", "PUBLISHED", "SUBMITTED", "IN_REVIEW"].map((s) => isGated(s as never)),
    ).toEqual([true, true, false, false]);
  });
});

describe("gate blockers", () => {
  it("lists each kind of open work with its count", () => {
    expect(
      gateBlockers({ severeAnnotations: 1, qaWarnings: 3, newFeedback: 0, openComments: 2 }),
    ).toEqual([
      { kind: "annotation", count: 1, detail: "1 open major or critical annotation" },
      { kind: "qa", count: 3, detail: "3 QA warnings not dismissed" },
      { kind: "comment", count: 2, detail: "2 unresolved comments" },
    ]);
  });

  it("is empty when nothing is open", () => {
    expect(
      gateBlockers({ severeAnnotations: 0, qaWarnings: 0, newFeedback: 0, openComments: 0 }),
    ).toEqual([]);
  });
});

describe("mentions", () => {
  const users = [
    { id: "u1", email: "riley.kim@news.example", name: "Riley Kim" },
    { id: "u2", email: "sam@news.example", name: "Sam Park" },
    { id: "u3", email: "sam.lee@news.example", name: "Sam Lee" },
    { id: "u4", email: "ed@news.example", name: "Editor" },
  ];

  it("finds handles but not email addresses", () => {
    expect(
      mentionHandles("@riley.kim please check; mail sam@news.example. Thanks @Editor."),
    ).toEqual(["riley.kim", "Editor"]);
  });

  it("matches the email local part, the name without spaces, or an unambiguous first name", () => {
    const hits = resolveMentions("@riley.kim and @SamPark, also @editor and @Riley", users);
    expect(hits.map((u) => u.id)).toEqual(["u1", "u2", "u4"]);
  });

  it("ignores ambiguous first names and unknown handles", () => {
    const jins = [
      { id: "j1", email: "jchoi@news.example", name: "Jin Choi" },
      { id: "j2", email: "jhan@news.example", name: "Jin Han" },
    ];
    expect(resolveMentions("@Jin @nobody", jins)).toEqual([]);
    // A local part is exact, so it wins over first names: @sam is sam@news.example.
    expect(resolveMentions("@sam", users).map((u) => u.id)).toEqual(["u2"]);
  });

  it("works with Korean names", () => {
    const hits = resolveMentions("@김민지 확인 부탁", [
      { id: "k", email: "mj@x.kr", name: "김민지" },
    ]);
    expect(hits.map((u) => u.id)).toEqual(["k"]);
  });
});
