import { expect, freshArticle, ORIGIN, signInApi, signInPage, test } from "./fixtures";

// Issue 14: the hand-offs between reviewer and editor reach people, and the gate
// before approval is explicit and recorded.
test("request changes → reviewer confirms and submits → approve is gated, passed with a reason", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const article = await freshArticle(browser);
  const editorCtx = await browser.newContext();
  const reviewerCtx = await browser.newContext();
  const editor = await editorCtx.newPage();
  const reviewer = await reviewerCtx.newPage();
  await signInPage(editor, "editor");
  await signInPage(reviewer, "reviewer");
  const post = (page: typeof editor, path: string, data: unknown) =>
    page.request.post(path, { headers: { origin: ORIGIN }, data });

  // The editor starts the review and asks for changes, with a note.
  expect(
    (await post(editor, `/api/v1/articles/${article.id}/status`, { to: "IN_REVIEW" })).status(),
  ).toBe(200);
  await editor.goto(`/articles/${article.id}`);
  await editor.getByRole("button", { name: "Request changes" }).click();
  await editor.getByLabel("Note for Changes requested").fill("Paragraph 2 drops the 70 years.");
  await editor.getByRole("button", { name: "Request changes" }).last().click();
  await expect(editor.locator("[data-status]").first()).toHaveAttribute(
    "data-status",
    "CHANGES_REQUESTED",
  );

  // The reviewer sees the note in the workspace and in the timeline.
  await reviewer.goto(`/articles/${article.id}`);
  await expect(reviewer.getByTestId("changes-requested")).toContainText(
    "Paragraph 2 drops the 70 years.",
  );
  const timeline = await (
    await reviewer.request.get(`/api/v1/articles/${article.id}/timeline`)
  ).json();
  expect(timeline.items[0]).toMatchObject({
    type: "status",
    to: "CHANGES_REQUESTED",
    note: "Paragraph 2 drops the 70 years.",
  });

  // Fix, confirm every segment with Ctrl+Enter, save, submit.
  await reviewer.getByRole("button", { name: "Start review" }).click();
  await expect(reviewer.locator("[data-status]").first()).toHaveAttribute(
    "data-status",
    "IN_REVIEW",
  );
  await reviewer.locator('[data-segment-input="2"]').fill("The two met after 70 years.");
  await reviewer.locator('[data-segment-input="0"]').focus();
  for (let i = 0; i < 4; i++) await reviewer.keyboard.press("Control+Enter");
  await expect(reviewer.getByTestId("confirmed-progress")).toHaveText("4 of 4 segments confirmed");
  await reviewer.keyboard.press("Control+s");
  await expect(reviewer.getByTestId("revision-number")).toContainText("Revision 2");
  await expect(reviewer.getByTestId("confirmed-progress")).toHaveText("4 of 4 segments confirmed");
  await reviewer.getByRole("button", { name: "Submit for approval" }).click();
  await reviewer
    .getByRole("dialog", { name: "Submit for approval?" })
    .getByRole("button", { name: "Submit for approval" })
    .click();
  await expect(reviewer.locator("[data-status]").first()).toHaveAttribute(
    "data-status",
    "SUBMITTED",
  );

  // An open major annotation blocks approval; Alt+A opens the dialog, never approves blind.
  const annotation = await post(reviewer, `/api/v1/articles/${article.id}/annotations`, {
    segmentIndex: 1,
    start: 0,
    end: 2,
    category: "Accuracy/Mistranslation",
    severity: "major",
  });
  expect(annotation.status(), await annotation.text()).toBe(201);
  await editor.goto(`/articles/${article.id}`);
  await editor.locator("body").click();
  await editor.keyboard.press("Alt+a");
  const confirm = editor.getByRole("dialog", { name: "Approve?" });
  await confirm.getByRole("button", { name: "Approve" }).click();
  const gate = editor.getByRole("dialog", { name: "Open work blocks “Approve”" });
  await expect(gate.getByTestId("gate-blockers")).toContainText(
    "1 open major or critical annotation",
  );
  await expect(editor.locator("[data-status]").first()).toHaveAttribute("data-status", "SUBMITTED");
  await gate.getByLabel(/Reason to approve anyway/).fill("Kinship term is right in context");
  await gate.getByRole("button", { name: "Approve with this reason" }).click();
  await expect(editor.locator("[data-status]").first()).toHaveAttribute("data-status", "APPROVED");

  // The override is in the timeline and the audit log.
  const after = await (await editor.request.get(`/api/v1/articles/${article.id}/timeline`)).json();
  expect(
    after.items.find(
      (i: { type: string; to?: string }) => i.type === "status" && i.to === "APPROVED",
    ),
  ).toMatchObject({
    override: { reason: "Kinship term is right in context" },
    actor: { email: "editor@galley.local" },
  });
  const admin = await browser.newContext();
  await signInApi(admin.request, "admin");
  const audit = await (
    await admin.request.get(`/api/v1/audit?entityId=${article.id}&action=article.status`)
  ).json();
  expect(JSON.stringify(audit)).toContain("Kinship term is right in context");
  await Promise.all([admin.close(), editorCtx.close(), reviewerCtx.close()]);
});
