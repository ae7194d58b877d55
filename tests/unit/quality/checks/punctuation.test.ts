import { describe, expect, it } from "vitest";
import { checkPunctuation } from "@/lib/quality/checks/punctuation";
import { context } from "./context";

const run = (text: string, targetLang = "en") =>
  checkPunctuation(context([text], { targetLang })).map((w) => ({
    message: w.message,
    span: text.slice(w.start, w.end),
    start: w.start,
  }));

describe("punctuation", () => {
  it("passes clean text with apostrophes, decimals and grammatical repeats", () => {
    expect(run(`Korea's "core" rate ('90s level) rose to 3.5%, the students' union said.`)).toEqual(
      [],
    );
    expect(run("She had had enough, and he said that that was fine.")).toEqual([]);
    expect(run("“Quoted,” he said (briefly) [sic] {ok}. 'Single' quotes too.")).toEqual([]);
  });

  it("flags unbalanced brackets and curly quotes", () => {
    expect(run("The plan (announced Monday was dropped.")).toEqual([
      { message: "Opening ( is never closed with ).", span: "(", start: 9 },
    ]);
    expect(run("The plan] was dropped.")[0]?.message).toBe("Closing ] has no matching [.");
    expect(run("He said “no way.")[0]?.message).toBe("Opening “ is never closed with ”.");
  });

  it("flags an odd number of straight double quotes and an unclosed single quote", () => {
    expect(run('He said "no and "yes" later.')[0]).toMatchObject({ span: '"' });
    expect(run("He called it 'historic and left.")[0]?.message).toBe(
      "Single quotation mark is never closed.",
    );
  });

  it("flags doubled words case-insensitively", () => {
    expect(run("The the plan was approved.")).toEqual([
      { message: 'Word "The" is repeated.', span: "The the", start: 0 },
    ]);
  });

  it("flags stray whitespace", () => {
    expect(run(" Seoul  said , then left. ").map((w) => w.message)).toEqual([
      "The text starts with whitespace.",
      "There is a double space here.",
      'There is a space before ",".',
      "The text ends with whitespace.",
    ]);
  });

  it("allows French spacing before ; : ! ?", () => {
    expect(run("Il a dit : oui !", "fr")).toEqual([]);
    expect(run("Il a dit : oui !", "en")).toHaveLength(2);
  });
});
