import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db";
import { disclosureFor } from "@/lib/server/disclosure";
import { changeStatus, saveRevision } from "@/lib/server/revisions";
import { makeArticle, makeUser } from "./factories";

describe("disclosureFor", () => {
  it("follows the article from translated to reviewed to corrected, in the outlet's texts and zone", async () => {
    const outlet = `Disclosure Outlet ${randomBytes(3).toString("hex")}`;
    await db().outlet.create({
      data: {
        name: outlet,
        timeZone: "Pacific/Kiritimati", // UTC+14: the date differs from UTC for most of the day
        disclosures: { en: { corrected: "Fixed on {date} ({note})" } },
      },
    });
    const reviewer = await makeUser("REVIEWER");
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(reviewer, { outlet });
    const to = (status: "IN_REVIEW" | "APPROVED" | "PUBLISHED", note?: string) =>
      changeStatus({ articleId: article.id, to: status, note, actor: editor });
    const dayIn = (at: string | null) =>
      new Intl.DateTimeFormat("en-GB", {
        dateStyle: "long",
        timeZone: "Pacific/Kiritimati",
      }).format(new Date(at!));

    expect(await disclosureFor(article.id)).toMatchObject({
      state: "translated",
      text: "This article has been translated by AI.",
      date: null,
      timeZone: "Pacific/Kiritimati",
    });

    await to("IN_REVIEW");
    await to("APPROVED");
    const approved = await disclosureFor(article.id);
    expect(approved.state).toBe("reviewed");
    expect(approved.text).toBe(
      `Translated by AI and reviewed by an editor on ${dayIn(approved.date)}.`,
    );

    await to("PUBLISHED", "First publication");
    const published = await disclosureFor(article.id);
    expect(published.state).toBe("reviewed");
    expect(new Date(published.date!).getTime()).toBeGreaterThan(new Date(approved.date!).getTime());

    await saveRevision({
      articleId: article.id,
      baseRevision: 1,
      segments: [{ index: 1, text: "The corrected first paragraph." }],
      actor: reviewer,
    });
    await to("APPROVED");
    await to("PUBLISHED", "We corrected a name.");
    // Inside a transaction too: webhook payloads are built there.
    const corrected = await transaction((tx) => disclosureFor(article.id, tx));
    expect(corrected).toMatchObject({ state: "corrected", note: "We corrected a name." });
    expect(corrected.text).toBe(`Fixed on ${dayIn(corrected.date)} (We corrected a name.)`);
  });

  it("uses the defaults and GALLEY_TIME_ZONE for an article of an unconfigured outlet", async () => {
    const reviewer = await makeUser("REVIEWER");
    const article = await makeArticle(reviewer, { outlet: "" });
    expect(await disclosureFor(article.id)).toMatchObject({ state: "translated", timeZone: "UTC" });
    await expect(disclosureFor("no-such-article")).rejects.toMatchObject({ status: 404 });
  });
});
