import { checkConsistency, checkInclusion, checkSth } from "../support/log-verifier";
import { ORIGIN, expect, ingestFresh, publishArticle, signInApi, test } from "./fixtures";

// Issue 18: a reader follows "Verify this correction" on /read/<slug>; a watchdog with nothing
// but the published key and formats (tests/support/log-verifier.ts, no code shared with lib/)
// checks the signed head, the inclusion proof of the publication event, and a consistency
// proof between two heads — all through the running app's public endpoints, without sign-in.

interface Sth {
  treeSize: number;
  rootHash: string;
  timestamp: string;
  signature: string;
}

test("a reader's correction is provably in the signed log, and the log only grows", async ({
  browser,
  page,
}) => {
  test.setTimeout(90_000);
  const editor = await browser.newContext();
  await signInApi(editor.request, "editor");
  const api = editor.request;
  const override = { reason: "e2e: fixture MT keeps its QA warnings" };
  const article = await ingestFresh(api);
  await publishArticle(api, article.id);
  const saved = await api.post(`/api/v1/articles/${article.id}/revisions`, {
    headers: { origin: ORIGIN },
    data: { baseRevision: 1, segments: [{ index: 1, text: "He met his maternal uncle." }] },
  });
  expect(saved.status(), await saved.text()).toBe(201);
  for (const [to, note] of [
    ["APPROVED", undefined],
    ["PUBLISHED", "We corrected which uncle he met."],
  ] as const) {
    const res = await api.post(`/api/v1/articles/${article.id}/status`, {
      headers: { origin: ORIGIN },
      data: { to, note, override },
    });
    expect(res.status(), await res.text()).toBe(200);
  }

  // The reader (this page is anonymous). The sealer seals within a second or so.
  const verify = page.getByTestId("correction-notice").getByTestId("verify-correction");
  await expect(async () => {
    await page.goto(`/read/${article.slug}`);
    await expect(verify).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  const proofUrl = (await verify.getAttribute("href"))!;
  await verify.click();
  await expect(page).toHaveURL(/\/api\/v1\/log\/proof\/inclusion\?index=\d+&treeSize=\d+$/);

  // The watchdog: anonymous requests only.
  const watchdog = page.request;
  const meta = await (await watchdog.get("/.well-known/galley-log.json")).json();
  expect(meta).toMatchObject({ algorithm: "Ed25519", sthFormat: "galley-sth-v1" });
  const proofRes = await watchdog.get(proofUrl);
  expect(proofRes.status()).toBe(200);
  const proof = (await proofRes.json()) as {
    index: number;
    treeSize: number;
    leaf: string;
    path: string[];
  };
  const head = (await (
    await watchdog.get(`/api/v1/log/sth?treeSize=${proof.treeSize}`)
  ).json()) as Sth;
  expect(checkSth(head, meta.publicKey)).toBe(true);
  const leaf = Buffer.from(proof.leaf, "base64");
  expect(checkInclusion(leaf, proof.index, proof.treeSize, proof.path, head.rootHash)).toBe(true);
  expect(JSON.parse(leaf.toString("utf8"))).toMatchObject({
    action: "article.published",
    data: { slug: article.slug, revision: 2, note: "We corrected which uncle he met." },
  });

  // More audited work, a newer head, and the proof that it extends the one saved above.
  const assigned = await api.post(`/api/v1/articles/${article.id}/status`, {
    headers: { origin: ORIGIN },
    data: { to: "IN_REVIEW", override },
  });
  expect(assigned.status(), await assigned.text()).toBe(200);
  let newer: Sth = head;
  await expect(async () => {
    newer = (await (await watchdog.get("/api/v1/log/sth")).json()) as Sth;
    expect(newer.treeSize).toBeGreaterThan(head.treeSize);
  }).toPass({ timeout: 15_000 });
  expect(checkSth(newer, meta.publicKey)).toBe(true);
  const consistency = await (
    await watchdog.get(
      `/api/v1/log/proof/consistency?first=${head.treeSize}&second=${newer.treeSize}`,
    )
  ).json();
  expect(
    checkConsistency(
      head.treeSize,
      newer.treeSize,
      head.rootHash,
      newer.rootHash,
      consistency.path,
    ),
  ).toBe(true);
  await editor.close();
});
