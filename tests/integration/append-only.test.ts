import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { sealOnce } from "@/lib/server/audit-sealer";
import { makeArticle, makeUser } from "./factories";

// Runs as the application's own database user (the DATABASE_URL the app uses).
describe("append-only tables are enforced by the database", () => {
  let client: pg.Client;
  let articleId: string;

  beforeAll(async () => {
    const editor = await makeUser("EDITOR");
    articleId = (await makeArticle(editor)).id;
    client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
  });
  afterAll(() => client.end());

  it.each([
    ["Revision", `UPDATE "Revision" SET "summary" = 'x' WHERE "articleId" = $1`],
    ["Revision", `DELETE FROM "Revision" WHERE "articleId" = $1`],
    ["SegmentText", `UPDATE "SegmentText" SET "text" = 'x' WHERE "articleId" = $1`],
    ["SegmentText", `DELETE FROM "SegmentText" WHERE "articleId" = $1`],
    ["AuditEvent", `UPDATE "AuditEvent" SET "action" = 'x' WHERE "entityId" = $1`],
    ["AuditEvent", `DELETE FROM "AuditEvent" WHERE "entityId" = $1`],
  ])("%s: %s fails", async (_table, sql) => {
    await expect(client.query(sql, [articleId])).rejects.toThrow(/append-only/);
  });

  it("refuses TRUNCATE of the audit log and revisions", async () => {
    // CASCADE: the audit tree's leaves reference the events (a plain TRUNCATE stops there).
    await expect(client.query(`TRUNCATE "AuditEvent" CASCADE`)).rejects.toThrow(/append-only/);
    await expect(client.query(`TRUNCATE "Revision" CASCADE`)).rejects.toThrow(/append-only/);
  });

  it.each([
    ["AuditLeaf", `"eventId" = "eventId"`],
    ["AuditNode", `"hash" = "hash"`],
    ["AuditTreeHead", `"rootHash" = "rootHash"`],
  ])("the audit tree's %s refuses UPDATE, DELETE and TRUNCATE", async (table, set) => {
    // Row triggers need rows: seal the events written so far.
    const sealed = await sealOnce(client);
    expect(sealed.status).toBe("sealed");
    await expect(client.query(`UPDATE "${table}" SET ${set}`)).rejects.toThrow(/append-only/);
    await expect(client.query(`DELETE FROM "${table}"`)).rejects.toThrow(/append-only/);
    await expect(client.query(`TRUNCATE "${table}"`)).rejects.toThrow(/append-only/);
  });

  it("keeps the machine translation of a segment immutable", async () => {
    await expect(
      client.query(`UPDATE "Segment" SET "mt" = 'changed' WHERE "articleId" = $1`, [articleId]),
    ).rejects.toThrow(/immutable/);
    await expect(
      client.query(`DELETE FROM "Segment" WHERE "articleId" = $1`, [articleId]),
    ).rejects.toThrow(/cannot be deleted/);
  });

  it("still allows inserts (the rows above exist and are counted)", async () => {
    const res = await client.query(
      `SELECT count(*)::int AS n FROM "Revision" WHERE "articleId" = $1`,
      [articleId],
    );
    expect(res.rows[0].n).toBe(1);
  });
});
