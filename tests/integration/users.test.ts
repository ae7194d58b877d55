import { afterEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assignArticle } from "@/lib/server/articles";
import { setUserDisabled, setUserRole } from "@/lib/server/users";
import { makeArticle, makeUser } from "./factories";

const SYSTEM: Actor = { type: "SYSTEM", label: "test" };

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("user administration rules", () => {
  // Other files in this worker made admins too; the last-admin case disables them for one
  // test and gives them back afterwards.
  let parked: string[] = [];
  afterEach(async () => {
    await db().user.updateMany({ where: { id: { in: parked } }, data: { disabledAt: null } });
    parked = [];
  });

  it("an admin cannot disable themself, and may disable someone else", async () => {
    const admin = await makeUser("ADMIN");
    const other = await makeUser("REVIEWER");
    const err = await refusal(setUserDisabled(admin.userId, true, admin));
    expect(err).toMatchObject({ code: "conflict", message: "You cannot disable yourself" });
    expect((await db().user.findUnique({ where: { id: admin.userId } }))?.disabledAt).toBeNull();
    await setUserDisabled(other.userId, true, admin);
    expect(
      (await db().user.findUnique({ where: { id: other.userId } }))?.disabledAt,
    ).not.toBeNull();
  });

  it("the last active admin can be neither demoted nor disabled", async () => {
    const first = await makeUser("ADMIN");
    const last = await makeUser("ADMIN");
    const others = await db().user.findMany({
      where: { role: "ADMIN", disabledAt: null, id: { notIn: [first.userId, last.userId] } },
      select: { id: true },
    });
    parked = others.map((u) => u.id);
    await db().user.updateMany({ where: { id: { in: parked } }, data: { disabledAt: new Date() } });

    // With two admins one may go.
    await setUserRole(first.userId, "EDITOR", last);
    for (const change of [
      () => setUserRole(last.userId, "EDITOR", SYSTEM),
      () => setUserDisabled(last.userId, true, SYSTEM),
    ]) {
      expect(await refusal(change())).toMatchObject({
        code: "conflict",
        status: 409,
        message: "The last active admin cannot be demoted or disabled",
      });
    }
    const row = await db().user.findUnique({ where: { id: last.userId } });
    expect(row).toMatchObject({ role: "ADMIN", disabledAt: null });
    // Keeping the role, or re-enabling, is never refused.
    await setUserRole(last.userId, "ADMIN", SYSTEM);
    await setUserDisabled(last.userId, false, SYSTEM);
  });

  it("articles can be assigned to the roles that may edit them, not to viewers", async () => {
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(editor);
    const viewer = await makeUser("VIEWER");
    expect(await refusal(assignArticle(article.id, viewer.email, editor))).toMatchObject({
      code: "bad_request",
    });
    for (const role of ["REVIEWER", "EDITOR", "ADMIN"] as const) {
      const user = await makeUser(role);
      expect(await assignArticle(article.id, user.email, editor)).toEqual({
        assigneeId: user.userId,
      });
    }
  });
});
