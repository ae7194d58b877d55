import { describe, expect, it } from "vitest";
import { neutraliseFormula, restoreFormula, toCsv } from "@/lib/formats/csv";

describe("spreadsheet formula neutralisation", () => {
  it("prefixes cells that spreadsheets would evaluate", () => {
    for (const cell of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]) {
      expect(neutraliseFormula(cell)).toBe(`'${cell}`);
      expect(restoreFormula(neutraliseFormula(cell))).toBe(cell);
    }
    for (const cell of ["plain", "1+1", "'quoted", "", "이재명"]) {
      expect(neutraliseFormula(cell)).toBe(cell);
      expect(restoreFormula(cell)).toBe(cell);
    }
  });

  it("writes RFC 4180 with a BOM, quoting where needed, numbers untouched", () => {
    const csv = toCsv(
      ["a", "b", "c"],
      [
        ["=x", 'say "hi", ok', -1.5],
        [null, undefined, 0],
      ],
    );
    expect(csv).toBe('\uFEFFa,b,c\r\n\'=x,"say ""hi"", ok",-1.5\r\n,,0');
  });
});
