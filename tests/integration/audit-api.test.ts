import { randomBytes } from "node:crypto";
import pg from "pg";
import { sealOnce } from "@/lib/server/audit-sealer";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as auditRoute } from "@/app/api/v1/audit/route";
import { GET as verifyRoute } from "@/app/api/v1/audit/verify/route";
import type { UserActor } from "@/lib/auth/policy";
import { transaction } from "@/lib/db";
import { createApiToken } from "@/lib/server/api-tokens";
import { appendAuditMany, recordAudit } from "@/lib/server/audit";
import { callRoute } from "./api-call";
import { makeUser } from "./factories";

const EXPORT_EVENTS = 5_001;

/** Minimal RFC 4180 reader: enough to count records whose cells hold commas, quotes or newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

describe("audit API", () => {
  let admin: UserActor;
  let adminToken = "";
  let editorToken = "";
  const action = `test.export.${randomBytes(3).toString("hex")}`;

  beforeAll(async () => {
    admin = await makeUser("ADMIN");
    adminToken = (await createApiToken({ userId: admin.userId, name: "audit" }, admin)).token;
    const editor = await makeUser("EDITOR");
    editorToken = (await createApiToken({ userId: editor.userId, name: "audit" }, editor)).token;
    // Many events, quickly: a thousand appends per transaction, in one round trip each.
    for (let start = 0; start < EXPORT_EVENTS; start += 1000) {
      const batch = Array.from({ length: Math.min(1000, EXPORT_EVENTS - start) }, (_, k) => {
        const i = start + k;
        return {
          actor: { type: "SYSTEM" as const, label: "bulk" },
          action,
          entityType: "test",
          entityId: `e${i}`,
          data: { i, note: i === 7 ? 'multi\nline, "quoted"' : undefined },
        };
      });
      await transaction((tx) => appendAuditMany(tx, batch));
    }
    await recordAudit({
      actor: admin,
      action: `${action}.formula`,
      entityType: "test",
      entityId: '=HYPERLINK("http://evil.example","x")',
      data: {},
    });
  }, 120_000);

  it("refuses non-admins (403)", async () => {
    for (const route of [auditRoute, verifyRoute]) {
      const res = await callRoute(route, { url: "/api/v1/audit", params: {}, token: editorToken });
      expect(res.status).toBe(403);
    }
  });

  it("pages newest first with a keyset cursor and filters", async () => {
    const first = await (
      await callRoute(auditRoute, {
        url: `/api/v1/audit?action=${action}&limit=3`,
        params: {},
        token: adminToken,
      })
    ).json();
    expect(first.items.map((e: { entityId: string }) => e.entityId)).toEqual([
      `e${EXPORT_EVENTS - 1}`,
      `e${EXPORT_EVENTS - 2}`,
      `e${EXPORT_EVENTS - 3}`,
    ]);
    expect(first.items[0]).toMatchObject({
      actorType: "SYSTEM",
      actorLabel: "bulk",
      data: { i: EXPORT_EVENTS - 1 },
      requestId: expect.any(String),
      // The hash chain ended with ADR 015: new events are Merkle leaves instead.
      prevHash: null,
      hash: null,
    });
    const second = await (
      await callRoute(auditRoute, {
        url: `/api/v1/audit?action=${action}&limit=3&cursor=${first.nextCursor}`,
        params: {},
        token: adminToken,
      })
    ).json();
    expect(second.items[0].entityId).toBe(`e${EXPORT_EVENTS - 4}`);

    const byActor = await (
      await callRoute(auditRoute, {
        url: `/api/v1/audit?actor=${encodeURIComponent(admin.email)}&entityType=test`,
        params: {},
        token: adminToken,
      })
    ).json();
    expect(byActor.items.map((e: { action: string }) => e.action)).toEqual([`${action}.formula`]);
    const prefix = await (
      await callRoute(auditRoute, {
        url: `/api/v1/audit?action=${action}.*&entityType=test`,
        params: {},
        token: adminToken,
      })
    ).json();
    expect(prefix.items).toHaveLength(1);
    const future = await (
      await callRoute(auditRoute, {
        url: `/api/v1/audit?action=${action}&from=2999-01-01`,
        params: {},
        token: adminToken,
      })
    ).json();
    expect(future.items).toEqual([]);
    for (const q of ["cursor=abc", "from=yesterday", "format=xml", "limit=1000"]) {
      const res = await callRoute(auditRoute, {
        url: `/api/v1/audit?${q}`,
        params: {},
        token: adminToken,
      });
      expect(res.status, q).toBe(400);
    }
  });

  it("streams a CSV export of more than 5,000 events with one row per event", async () => {
    const res = await callRoute(auditRoute, {
      url: `/api/v1/audit?format=csv&action=${action}`,
      params: {},
      token: adminToken,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="galley-audit-\d{8}-\d{4}\.csv"$/,
    );
    // Read chunk by chunk: the body arrives in several batches, not as one string.
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    let chunks = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks++;
      text += decoder.decode(value, { stream: true });
    }
    expect(chunks).toBeGreaterThanOrEqual(6);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([
      "id",
      "at",
      "actorType",
      "actorId",
      "actorLabel",
      "action",
      "entityType",
      "entityId",
      "requestId",
      "data",
      "prevHash",
      "hash",
    ]);
    expect(rows).toHaveLength(EXPORT_EVENTS + 1);
    expect(rows[1]![7]).toBe("e0");
    expect(JSON.parse(rows[8]![9]!)).toEqual({ i: 7, note: 'multi\nline, "quoted"' });
  });

  it("neutralises spreadsheet formulas in CSV cells", async () => {
    const res = await callRoute(auditRoute, {
      url: `/api/v1/audit?format=csv&action=${action}.formula`,
      params: {},
      token: adminToken,
    });
    const rows = parseCsv(await res.text());
    expect(rows[1]![7]).toBe('\'=HYPERLINK("http://evil.example","x")');
  });

  it("exports JSON and NDJSON with the exact stored events", async () => {
    const json = await callRoute(auditRoute, {
      url: `/api/v1/audit?format=json&action=${action}.formula`,
      params: {},
      token: adminToken,
    });
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const events = await json.json();
    expect(events).toHaveLength(1);
    expect(events[0].entityId).toBe('=HYPERLINK("http://evil.example","x")');
    const empty = await callRoute(auditRoute, {
      url: `/api/v1/audit?format=json&action=nothing.matches`,
      params: {},
      token: adminToken,
    });
    expect(await empty.json()).toEqual([]);
    const nd = await callRoute(auditRoute, {
      url: `/api/v1/audit?format=ndjson&action=${action}`,
      params: {},
      token: adminToken,
    });
    expect(nd.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    const lines = (await nd.text()).trimEnd().split("\n");
    expect(lines).toHaveLength(EXPORT_EVENTS);
    expect(JSON.parse(lines[0]!)).toMatchObject({ entityId: "e0", action });
  });

  it("verifies the log, and names the event altered behind the trigger's back", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      expect((await sealOnce(client)).status).toBe("sealed");
      const ok = await callRoute(verifyRoute, {
        url: "/api/v1/audit/verify",
        params: {},
        token: adminToken,
      });
      expect(ok.status).toBe(200);
      const okBody = await ok.json();
      expect(okBody).toMatchObject({ ok: true, rootHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(okBody.leaves).toBeGreaterThan(EXPORT_EVENTS);

      const { rows } = await client.query(
        `SELECT id, "actorLabel" FROM "AuditEvent" WHERE action = $1 AND "entityId" = 'e42'`,
        [action],
      );
      const id = String(rows[0].id);
      const tamper = async (label: string) => {
        await client.query("BEGIN");
        await client.query("SET LOCAL session_replication_role = replica");
        await client.query(`UPDATE "AuditEvent" SET "actorLabel" = $2 WHERE id = $1`, [id, label]);
        await client.query("COMMIT");
      };
      await tamper("someone else");
      try {
        const broken = await callRoute(verifyRoute, {
          url: "/api/v1/audit/verify",
          params: {},
          token: adminToken,
        });
        expect(broken.status).toBe(200);
        expect(await broken.json()).toEqual({
          ok: false,
          failure: expect.stringMatching(
            new RegExp(`^leaf \\d+ \\(event ${id}\\): content does not match its leaf hash$`),
          ),
        });
      } finally {
        await tamper(rows[0].actorLabel); // later tests expect an intact chain
      }
      expect(
        (await (await callRoute(verifyRoute, { url: "/", params: {}, token: adminToken })).json())
          .ok,
      ).toBe(true);
    } finally {
      await client.end();
    }
  });
});
