import { describe, expect, it } from "vitest";
import { z } from "zod";
import { issueMessage, issuesMessage } from "@/lib/validation/issues";

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
