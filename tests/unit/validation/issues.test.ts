import { describe, expect, it } from "vitest";
import { z } from "zod";
import { humanIssueMessage, issueMessage, issuesMessage } from "@/lib/validation/issues";

const schema = z.object({ title: z.object({ mt: z.string() }), n: z.number() });

describe("validation issue messages", () => {
  it("name the field by its dotted path", () => {
    const { error } = schema.safeParse({ title: { mt: 1 }, n: "x" });
    expect(issueMessage(error!.issues[0]!)).toMatch(/^title\.mt: /);
    expect(issuesMessage(error!.issues)).toMatch(/^title\.mt: .+; n: .+$/);
  });

  it("name a whole-value issue by the caller's word for it, or not at all", () => {
    const { error } = schema.safeParse("not an object");
    const issue = error!.issues[0]!;
    expect(issueMessage(issue, "(root)")).toBe(`(root): ${issue.message}`);
    expect(issueMessage(issue)).toBe(issue.message);
  });
});

describe("issues phrased for people", () => {
  const issuesOf = (value: unknown) => {
    const r = z
      .object({ engine: z.object({ name: z.string() }), url: z.string().url().optional() })
      .safeParse(value);
    return r.success ? [] : r.error.issues;
  };

  it("names a missing field and shows how to write it", () => {
    expect(humanIssueMessage(issuesOf({})[0]!)).toBe(
      'engine is missing — add "engine": {"name": …}',
    );
    expect(humanIssueMessage(issuesOf({ engine: {} })[0]!)).toBe(
      'engine.name is missing — add "engine": {"name": …}',
    );
  });

  it("says other problems as before, path first", () => {
    expect(humanIssueMessage(issuesOf({ engine: { name: "x" }, url: "nope" })[0]!)).toMatch(
      /^url: /,
    );
  });
});
