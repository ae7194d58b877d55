import { describe, expect, it } from "vitest";
import { engineKey, engineLabel, parseEngineKey } from "@/lib/domain/engine";

describe("engine keys", () => {
  it("name@version when there is a version, the name alone otherwise", () => {
    expect(engineKey({ name: "Nova MT", version: "3.2" })).toBe("Nova MT@3.2");
    expect(engineKey({ name: "Nova MT", version: null })).toBe("Nova MT");
    expect(engineLabel({ name: "Nova MT", version: "3.2" })).toBe("Nova MT 3.2");
    expect(engineLabel({ name: "Nova MT" })).toBe("Nova MT");
  });

  it("reads back what it writes; the version is everything after the first @", () => {
    for (const e of [{ name: "Nova MT", version: "3.2" }, { name: "Nova MT" }]) {
      expect(parseEngineKey(engineKey(e))).toEqual(e);
    }
    expect(parseEngineKey("gpt@2024@beta")).toEqual({ name: "gpt", version: "2024@beta" });
  });
});
