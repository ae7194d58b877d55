import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import * as wellKnown from "@/app/.well-known/galley-log.json/route";
import * as inclusionRoute from "@/app/api/v1/log/proof/inclusion/route";
import * as consistencyRoute from "@/app/api/v1/log/proof/consistency/route";
import * as sthRoute from "@/app/api/v1/log/sth/route";
import { resetEnvCache } from "@/lib/env";
import { createApiToken } from "@/lib/server/api-tokens";
import { auditLogStatus } from "@/lib/server/health";
import { NO_LOG_KEY } from "@/lib/server/log-key";
import { recordAudit } from "@/lib/server/audit";
import { sealOnce } from "@/lib/server/audit-sealer";
import { getPublicArticle } from "@/lib/server/public-articles";
import { changeStatus, saveRevision } from "@/lib/server/revisions";
import { checkConsistency, checkInclusion, checkSth } from "../support/log-verifier";
import { callRoute } from "./api-call";
import { makeArticle, makeUser, publishArticle } from "./factories";

// The public log endpoints, checked with the independent verifier (tests/support/
// log-verifier.ts) and nothing but what they publish.
let sealer: pg.Client;
let adminToken: string;
let publicKey: string;

const get = async <P>(handler: Parameters<typeof callRoute<P>>[0], url: string, token?: string) => {
  const res = await callRoute(handler, { url, params: {} as P, token });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const sth = async (query = "") =>
  (await get(sthRoute.GET, `/api/v1/log/sth${query}`)).body as {
    treeSize: number;
    rootHash: string;
    timestamp: string;
    signature: string;
  };
async function seal() {
  expect((await sealOnce(sealer)).status).toBe("sealed");
}

beforeAll(async () => {
  sealer = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await sealer.connect();
  const admin = await makeUser("ADMIN");
  adminToken = (await createApiToken({ userId: admin.userId, name: "log" }, admin)).token;
  publicKey = ((await (await wellKnown.GET()).json()) as { publicKey: string }).publicKey;
});
afterAll(() => sealer.end());

describe("the verifiable log's public endpoints", () => {
  it("publish the key and formats at /.well-known/galley-log.json", async () => {
    const res = await wellKnown.GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      publicKey: expect.stringMatching(/^-----BEGIN PUBLIC KEY-----\n/),
      algorithm: "Ed25519",
      sthFormat: "galley-sth-v1",
    });
  });

  it("prove a correction's publication to anyone, against a signed head", async () => {
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(editor);
    await publishArticle(article.id, editor);
    await saveRevision({
      articleId: article.id,
      baseRevision: 1,
      segments: [{ index: 1, text: "Corrected first paragraph." }],
      actor: editor,
    });
    await changeStatus({ articleId: article.id, to: "APPROVED", actor: editor });
    await changeStatus({
      articleId: article.id,
      to: "PUBLISHED",
      note: "We corrected the first paragraph.",
      actor: editor,
    });
    await seal();
    const head = await sth();
    expect(checkSth(head, publicKey)).toBe(true);

    const view = await getPublicArticle(article.slug);
    if (view.kind !== "ok") throw new Error(view.kind);
    const correction = view.article.latestCorrection!;
    expect(correction.proofUrl).toMatch(
      /^\/api\/v1\/log\/proof\/inclusion\?index=\d+&treeSize=\d+$/,
    );
    const proof = await get(inclusionRoute.GET, correction.proofUrl!);
    expect(proof.status).toBe(200);
    const body = proof.body as { index: number; treeSize: number; leaf: string; path: string[] };
    const leaf = Buffer.from(body.leaf, "base64");
    const signed = await sth(`?treeSize=${body.treeSize}`);
    expect(checkSth(signed, publicKey)).toBe(true);
    expect(checkInclusion(leaf, body.index, body.treeSize, body.path, signed.rootHash)).toBe(true);
    // The leaf says what the reader sees, and nothing else.
    expect(JSON.parse(leaf.toString("utf8"))).toMatchObject({
      action: "article.published",
      actorId: null,
      actorLabel: "publication",
      data: { slug: article.slug, revision: correction.revision, note: correction.note },
    });
    expect(leaf.toString("utf8")).not.toContain(editor.email);
  });

  it("refuse other leaves' proofs without read:audit", async () => {
    await recordAudit({
      actor: { type: "SYSTEM", label: "test" },
      action: "test.private",
      entityType: "test",
      entityId: "secret-entity",
      data: { secret: "not for readers" },
    });
    await seal();
    const { treeSize } = await sth();
    const url = `/api/v1/log/proof/inclusion?index=${treeSize - 1}&treeSize=${treeSize}`;
    const anonymous = await get(inclusionRoute.GET, url);
    expect(anonymous.status).toBe(401);
    expect(JSON.stringify(anonymous.body)).not.toContain("secret");
    const admin = await get(inclusionRoute.GET, url, adminToken);
    expect(admin.status).toBe(200);
    expect(Buffer.from(admin.body.leaf as string, "base64").toString()).toContain("secret-entity");
  });

  it("prove consistency between two heads", async () => {
    const first = await sth();
    await recordAudit({
      actor: { type: "SYSTEM", label: "test" },
      action: "test.grow",
      entityType: "test",
      entityId: "grow",
    });
    await seal();
    const second = await sth();
    expect(second.treeSize).toBeGreaterThan(first.treeSize);
    const proof = await get(
      consistencyRoute.GET,
      `/api/v1/log/proof/consistency?first=${first.treeSize}&second=${second.treeSize}`,
    );
    expect(proof.status).toBe(200);
    expect(
      checkConsistency(
        first.treeSize,
        second.treeSize,
        first.rootHash,
        second.rootHash,
        proof.body.path as string[],
      ),
    ).toBe(true);
  });

  it("answer sizes beyond the newest head with 400, unknown heads with 404", async () => {
    const { treeSize } = await sth();
    const beyond = await get(
      consistencyRoute.GET,
      `/api/v1/log/proof/consistency?first=1&second=${treeSize + 5}`,
    );
    expect(beyond.status).toBe(400);
    expect((await get(sthRoute.GET, `/api/v1/log/sth?treeSize=${treeSize + 5}`)).status).toBe(404);
  });

  it("without a key: no sealing, and the key document says why", async () => {
    const key = process.env.GALLEY_LOG_PRIVATE_KEY;
    delete process.env.GALLEY_LOG_PRIVATE_KEY;
    resetEnvCache();
    try {
      expect(await sealOnce(sealer)).toEqual({ status: "no-key", reason: NO_LOG_KEY });
      expect(auditLogStatus()).toEqual({ sealing: false, reason: NO_LOG_KEY });
      const res = await wellKnown.GET();
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ message: NO_LOG_KEY });
    } finally {
      process.env.GALLEY_LOG_PRIVATE_KEY = key;
      resetEnvCache();
    }
    expect(auditLogStatus()).toEqual({ sealing: true });
  });
});
