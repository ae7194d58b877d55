import { expect, signInApi, test } from "./fixtures";

test("health reports the PostgreSQL database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  // The e2e server has a log key (GALLEY_LOG_PRIVATE_KEY), so its audit log is sealed.
  expect(await res.json()).toEqual({ ok: true, database: "postgres", auditLog: { sealing: true } });
});

test("the API answers 401 JSON without credentials", async ({ request }) => {
  const res = await request.get("/api/v1/articles");
  expect(res.status()).toBe(401);
  expect(res.headers()["content-type"]).toContain("application/json");
  expect(await res.json()).toMatchObject({ error: "unauthorized" });
});

test("a session lists the demo articles; a viewer cannot ingest (403 JSON)", async ({
  request,
}) => {
  await signInApi(request, "viewer");
  const list = await request.get("/api/v1/articles");
  expect(list.status()).toBe(200);
  const body = await list.json();
  expect(body.items.length).toBeGreaterThanOrEqual(3);
  expect(body).toHaveProperty("nextCursor");
  expect(body.items[0]).toEqual(
    expect.objectContaining({
      id: expect.any(String),
      slug: expect.any(String),
      title: expect.any(String),
      status: expect.any(String),
      engine: expect.any(Object),
      updatedAt: expect.any(String),
    }),
  );
  const res = await request.post("/api/v1/articles", {
    data: { sourceLang: "ko" },
    headers: { origin: "http://localhost:3210" },
  });
  expect(res.status()).toBe(403);
  expect(await res.json()).toMatchObject({ error: "forbidden" });
});
