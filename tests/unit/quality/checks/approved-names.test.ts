import { describe, expect, it } from "vitest";
import { checkApprovedNames, correctedNames } from "@/lib/quality/checks/approved-names";
import { context } from "./context";

const names = (...spellings: string[]) => ({
  approvedNames: spellings.map((spelling) => ({ spelling, kind: "PERSON" as const })),
});

describe("approved-name check", () => {
  it("flags another romanisation of an approved name with its replacement", () => {
    const text = "President Lee Jae-myeong met reporters.";
    const [w, ...rest] = checkApprovedNames(context([text], names("Lee Jae-myung")));
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ check: "approved-name", replacement: "Lee Jae-myung" });
    expect(text.slice(w!.start, w!.end)).toBe("Lee Jae-myeong");
  });

  it("compares word by word, so a partial mention is caught", () => {
    const text = "Ukraine President Zelensky spoke.";
    const [w] = checkApprovedNames(context([text], names("Volodymyr Zelenskyy")));
    expect(text.slice(w!.start, w!.end)).toBe("Zelensky");
    expect(w!.replacement).toBe("Zelenskyy");
    expect(w!.message).toContain("Volodymyr Zelenskyy");
  });

  it("leaves the approved spelling, other names and near words alone", () => {
    const ctx = context(
      [
        "President Lee Jae-myung met Kim Min-jae in Korea.",
        "Korean officials and Volodymyr Zelenskyy attended.",
      ],
      names("Lee Jae-myung", "Volodymyr Zelenskyy", "Korea"),
    );
    expect(checkApprovedNames(ctx)).toEqual([]);
  });

  it("does nothing without approved names", () => {
    expect(checkApprovedNames(context(["Lee Jae-myeong"]))).toEqual([]);
  });
});

describe("correctedNames", () => {
  it("finds a name the reviewer respelled, as the whole corrected mention", () => {
    expect(
      correctedNames(
        "Ukraine President Volodymyr Zelensky spoke.",
        "Ukraine President Volodymyr Zelenskyy spoke.",
      ),
    ).toEqual([{ from: "Volodymyr Zelensky", to: "Volodymyr Zelenskyy" }]);
    expect(correctedNames("Lee Jae-myeong met them.", "Lee Jae-myung met them.")).toEqual([
      { from: "Lee Jae-myeong", to: "Lee Jae-myung" },
    ]);
  });

  it("offers nothing for edits that do not respell a name", () => {
    expect(correctedNames("Kim met Lee.", "Kim met Lee.")).toEqual([]);
    expect(correctedNames("Kim met Lee on Monday.", "Kim met Park on Monday.")).toEqual([]);
    expect(correctedNames("The talks ended.", "The talks ended early.")).toEqual([]);
  });
});
