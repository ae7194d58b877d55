import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorFromApiToken, createApiToken, revokeApiToken } from "@/lib/server/api-tokens";
import { authenticate } from "@/lib/server/users";
import { makeUser } from "./factories";

describe("password sign-in", () => {
  it("accepts the right password, rejects a wrong one, audits both", async () => {
    const user = await makeUser("REVIEWER", "right-password-1");
    expect((await authenticate(user.email, "right-password-1", "client-a"))?.id).toBe(user.userId);
    expect(await authenticate(user.email, "wrong-password", "client-a")).toBeNull();
    const actions = (
      await db().auditEvent.findMany({ where: { entityId: user.userId }, orderBy: { id: "asc" } })
    ).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["auth.signin", "auth.signin_failed"]));
  });

  it("rate-limits repeated failures for one email from one client", async () => {
    const user = await makeUser("VIEWER");
    const outcomes: string[] = [];
    for (let i = 0; i < 12; i++) {
      outcomes.push(
        await authenticate(user.email, "nope", "one-client").then(
          () => "checked",
          (err: { code?: string }) => err.code ?? "error",
        ),
      );
    }
    expect(outcomes).toEqual([...Array(10).fill("checked"), "rate_limited", "rate_limited"]);
  });
});

describe("API tokens", () => {
  it("stores only a hash, resolves to the user's role, and stops working when revoked", async () => {
    const editor = await makeUser("EDITOR");
    const { id, token } = await createApiToken({ userId: editor.userId, name: "t" }, editor);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token);
    const actor = await actorFromApiToken(token);
    expect(actor).toMatchObject({ type: "TOKEN", userId: editor.userId, role: "EDITOR" });
    await revokeApiToken(id, editor);
    expect(await actorFromApiToken(token)).toBeNull();
    expect(await actorFromApiToken("glly_not-a-real-token")).toBeNull();
  });
});
