// Finds numeric quantities in Korean or English text and normalises them to plain numbers,
// so "1조 2000억 원" and "1.2 trillion won" can be compared as 1.2e12.

export type NumberKind = "number" | "percent" | "year" | "month" | "day";

export interface NumberMention {
  value: number;
  /** Matched text, without currency or counter words: "10조", "1.2 billion", "3.5%", "13일". */
  text: string;
  /** Character offsets of `text` in the input (end exclusive). */
  start: number;
  end: number;
  kind: NumberKind;
  /** Value of one unit in the last written digit: 1e11 for "3.5조", 1 for "35,000". */
  precision: number;
  /** For percentages: true when written as points ("0.2%p", "0.2 percentage point"). */
  points?: boolean;
}

/** Extracts numbers, percentages and date parts; Korean rules for "ko", English otherwise. */
export function extractNumbers(text: string, lang: string): NumberMention[] {
  const found = baseLanguage(lang) === "ko" ? extractKorean(text) : extractEnglish(text);
  return found.sort((a, b) => a.start - b.start);
}

export function baseLanguage(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";
}

// ---------------------------------------------------------------------------------------
// Shared pieces

/** "1,234.5", "3.5", "2000"; a comma group needs exactly three digits. */
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
/** Not glued to a preceding letter or digit ("G20", "F-35" stay out; both languages agree). */
const NUMBER_START = String.raw`(?<![\p{L}\d.,])`;

function parseDigits(s: string): { value: number; decimals: number } {
  const plain = s.replace(/,/g, "");
  const dot = plain.indexOf(".");
  return {
    value: Number(plain),
    decimals: dot === -1 ? 0 : plain.length - dot - 1,
  };
}

function isYear(value: number): boolean {
  return Number.isInteger(value) && value >= 1900 && value <= 2100;
}

/** Adds mentions that do not overlap anything already collected (earlier rules win). */
class MentionList {
  readonly items: NumberMention[] = [];

  overlaps(start: number, end: number): boolean {
    return this.items.some((m) => start < m.end && m.start < end);
  }

  add(m: Omit<NumberMention, "precision"> & { precision?: number }): void {
    if (this.overlaps(m.start, m.end)) return;
    this.items.push({ ...m, precision: m.precision ?? 1 });
  }
}

function mentionAt(
  match: RegExpExecArray,
  group: number,
  value: number,
  kind: NumberKind,
): Omit<NumberMention, "precision"> | null {
  const text = match[group];
  const start = match.indices?.[group]?.[0];
  if (text === undefined || start === undefined) return null;
  return { value, text, start, end: start + text.length, kind };
}

// ---------------------------------------------------------------------------------------
// Korean

const SMALL_UNITS: Record<string, number> = { 십: 10, 백: 100, 천: 1000 };
const BIG_UNITS: Record<string, number> = { 만: 1e4, 억: 1e8, 조: 1e12 };

// A group is digits with optional 십/백/천 ("5천", "1천2백"); big units 만/억/조 join groups.
// After a big unit the next group may follow after an optional space ("3만5천", "1조 2000억",
// "3만 5000명"), unless it is a date or percentage of its own ("3만 2024년").
const KO_GROUP = `(?:${DIGITS})(?:[십백천](?:${DIGITS})?)*`;
const KO_TAIL = `\\s?${KO_GROUP}(?=\\s?[만억조])|\\s?${KO_GROUP}(?![\\d만억조]|[,.]\\d|\\s?[년월일%])`;
const KO_COMPOUND = `${KO_GROUP}(?:\\s?[만억조](?:${KO_TAIL})?)*`;
const KO_NUMBER = new RegExp(
  `${NUMBER_START}(${KO_COMPOUND})(\\s?(?:%\\s?p|%\\s?포인트|퍼센트\\s?포인트|%|퍼센트|프로)|년|월|일)?`,
  "gdu",
);
const KO_DOTTED_DATE =
  /(?<!\d)((?:19|20)\d\d)\.\s?(1[0-2]|0?[1-9])\.\s?(3[01]|[12]\d|0?[1-9])(?!\d)/dgu;

function extractKorean(text: string): NumberMention[] {
  const list = new MentionList();
  for (const m of text.matchAll(KO_DOTTED_DATE)) {
    const parts: [number, NumberKind][] = [
      [1, "year"],
      [2, "month"],
      [3, "day"],
    ];
    for (const [group, kind] of parts) {
      const mention = mentionAt(m, group, Number(m[group]), kind);
      if (mention) list.add(mention);
    }
  }
  for (const m of text.matchAll(KO_NUMBER)) {
    const compound = m[1] ?? "";
    const suffix = (m[2] ?? "").trim();
    const { value, precision, hasUnits } = parseKoreanCompound(compound);
    const kind = koreanKind(value, suffix, hasUnits);
    // Keep "%", "년", "일" in the text when they decide the kind, for readable messages.
    const group = kind === "number" ? 1 : 0;
    const mention = mentionAt(m, group, value, kind);
    const points = kind === "percent" && /p|포인트/.test(suffix);
    if (mention) list.add({ ...mention, precision, ...(points ? { points } : {}) });
  }
  return list.items;
}

function koreanKind(value: number, suffix: string, hasUnits: boolean): NumberKind {
  if (suffix === "") return "number";
  if (!/^[년월일]$/.test(suffix)) return "percent";
  if (hasUnits || !Number.isInteger(value)) return "number";
  if (suffix === "년" && isYear(value)) return "year";
  if (suffix === "월" && value >= 1 && value <= 12) return "month";
  if (suffix === "일" && value >= 1 && value <= 31) return "day";
  return "number";
}

/** Evaluates "1조 2000억" as Σ group × big unit, where a group is Σ digits × small unit. */
export function parseKoreanCompound(s: string): {
  value: number;
  precision: number;
  hasUnits: boolean;
} {
  let total = 0;
  let group = 0;
  let pending: number | null = null;
  let lastScale = 1;
  let lastDecimals = 0;
  let hasUnits = false;

  for (const [token] of s.matchAll(new RegExp(`${DIGITS}|[십백천만억조]`, "gu"))) {
    const small = SMALL_UNITS[token];
    const big = BIG_UNITS[token];
    if (small !== undefined) {
      hasUnits = true;
      if (pending !== null) lastScale *= small;
      group += (pending ?? 1) * small;
      pending = null;
    } else if (big !== undefined) {
      hasUnits = true;
      lastScale *= big;
      group += pending ?? 0;
      total += (group || 1) * big;
      group = 0;
      pending = null;
    } else {
      const { value, decimals } = parseDigits(token);
      pending = value;
      lastScale = 1;
      lastDecimals = decimals;
    }
  }
  const value = roundFloat(total + group + (pending ?? 0));
  return { value, precision: lastScale / 10 ** lastDecimals, hasUnits };
}

// 1.2 × 1e9 etc. can pick up float noise; 12 significant digits is plenty for news figures.
function roundFloat(n: number): number {
  return Number(n.toPrecision(12));
}

// ---------------------------------------------------------------------------------------
// English

const MONTHS =
  "january february march april may june july august september october november december".split(
    " ",
  );
const MONTH_NAME = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December)`;
const MONTH_NAME_OR_ABBR = String.raw`(?:${MONTH_NAME}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)`;
const DAY = String.raw`(?:3[01]|[12]\d|0?[1-9])`;
const ORDINAL = String.raw`(?:st|nd|rd|th)`;

const EN_MONTH_DAY = new RegExp(
  String.raw`\b(${MONTH_NAME_OR_ABBR})\s+(${DAY})${ORDINAL}?\b(?:,?\s+(\d{4})\b)?`,
  "dgu",
);
const EN_DAY_MONTH = new RegExp(
  String.raw`\b(${DAY})${ORDINAL}?\s+(?:of\s+)?(${MONTH_NAME_OR_ABBR})(?:,?\s+(\d{4})\b)?`,
  "dgu",
);
const EN_MONTH = new RegExp(String.raw`\b(${MONTH_NAME})\b(?:\s+(\d{4})\b)?`, "dgu");

const SCALES: Record<string, number> = {
  hundred: 1e2,
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  mln: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  trn: 1e12,
};
// Single-letter scales ("$5m", "€2bn") only count after a currency sign, since "5m" may be metres.
const EN_NUMBER = new RegExp(
  String.raw`${NUMBER_START}([$€£¥₩]\s?)?(${DIGITS})` +
    String.raw`(?:[\s-]?(hundred|thousand|million|billion|trillion|bn|mn|mln|tn|trn)\b|(k|m|b)\b)?` +
    String.raw`(${ORDINAL}\b)?(\s?(?:%|percent|per\s?cent|percentage\s+points?)(?!\p{L}))?`,
  "dgiu",
);

const CARDINALS =
  "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(
    " ",
  );
const TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split(" ");
const ORDINALS = "first second third fourth fifth sixth seventh eighth ninth tenth".split(" ");
// Style guides spell out small numbers ("three people" for "3명"), so words count too.
const WORD_VALUES: Record<string, number> = Object.fromEntries([
  ...CARDINALS.map((word, i) => [word, i + 1]),
  ...TENS.map((word, i) => [word, (i + 2) * 10]),
  ...ORDINALS.map((word, i) => [word, i + 1]),
]);
const WORD = Object.keys(WORD_VALUES).join("|");
const EN_WORD_NUMBER = new RegExp(
  String.raw`\b((?:${WORD})(?:-(?:${WORD}))?)(?:\s+(hundred|thousand|million|billion|trillion))?\b` +
    String.raw`(\s(?:percent|per\s?cent)\b)?`,
  "dgiu",
);

function extractEnglish(text: string): NumberMention[] {
  const list = new MentionList();
  const monthValue = (name: string) =>
    MONTHS.findIndex((month) => month.startsWith(name.replace(".", "").toLowerCase())) + 1;

  for (const m of text.matchAll(EN_MONTH_DAY)) addDateParts(list, m, 1, 2, 3, monthValue);
  for (const m of text.matchAll(EN_DAY_MONTH)) addDateParts(list, m, 2, 1, 3, monthValue);
  for (const m of text.matchAll(EN_MONTH)) addDateParts(list, m, 1, 0, 2, monthValue);

  for (const m of text.matchAll(EN_NUMBER)) {
    const [, currency, digits = "", longScale, letterScale, ordinal, percent] = m;
    const scaleWord = longScale ?? (currency ? letterScale : undefined);
    const { value: base, decimals } = parseDigits(digits);
    const scale = SCALES[(scaleWord ?? "").toLowerCase()] ?? 1;
    const value = roundFloat(base * scale);
    const kind = englishKind(text, m.index, value, digits, scale, ordinal, percent);
    const start = m.indices?.[2]?.[0] ?? m.index;
    // The text runs to the last part that shaped the value or kind: "1.2 billion", "13th", "5%".
    const lastGroup = percent ? 6 : ordinal ? 5 : longScale ? 3 : scaleWord ? 4 : 2;
    const end = m.indices?.[lastGroup]?.[1] ?? start + digits.length;
    const points = kind === "percent" && /point/i.test(percent ?? "");
    list.add({
      value,
      text: text.slice(start, end),
      start,
      end,
      kind,
      precision: scale / 10 ** decimals,
      ...(points ? { points } : {}),
    });
  }

  // "Q3 profit" for "3분기 이익": the quarter's number.
  for (const m of text.matchAll(/\bQ([1-4])\b/dgu)) {
    const mention = mentionAt(m, 1, Number(m[1]), "number");
    if (mention) list.add(mention);
  }

  for (const m of text.matchAll(EN_WORD_NUMBER)) {
    const words = (m[1] ?? "").toLowerCase().split("-");
    const base = words.reduce((sum, w) => sum + (WORD_VALUES[w] ?? 0), 0);
    const scale = SCALES[(m[2] ?? "").toLowerCase()] ?? 1;
    const end = m.indices?.[3]?.[1] ?? m.indices?.[2]?.[1] ?? m.index + (m[1] ?? "").length;
    list.add({
      value: base * scale,
      text: text.slice(m.index, end),
      start: m.index,
      end,
      kind: m[3] ? "percent" : "number",
      precision: scale,
    });
  }
  return list.items;
}

function englishKind(
  text: string,
  index: number,
  value: number,
  digits: string,
  scale: number,
  ordinal: string | undefined,
  percent: string | undefined,
): NumberKind {
  if (percent) return "percent";
  if (ordinal) {
    const precededByThe = /\bthe\s+$/i.test(text.slice(Math.max(0, index - 5), index));
    return precededByThe && value >= 1 && value <= 31 ? "day" : "number";
  }
  if (scale === 1 && /^\d{4}$/.test(digits) && isYear(value)) return "year";
  return "number";
}

function addDateParts(
  list: MentionList,
  m: RegExpExecArray,
  monthGroup: number,
  dayGroup: number,
  yearGroup: number,
  monthValue: (name: string) => number,
): void {
  const yearValue = Number(m[yearGroup]);
  const year = isYear(yearValue) ? mentionAt(m, yearGroup, yearValue, "year") : null;
  const month = mentionAt(m, monthGroup, monthValue(m[monthGroup] ?? ""), "month");
  const day = dayGroup > 0 ? mentionAt(m, dayGroup, Number(m[dayGroup]), "day") : null;
  const parts = [month, day, year].filter((p) => p !== null);
  // All parts or none, so "May 2024" is not half-claimed by a later, looser rule.
  if (parts.some((p) => list.overlaps(p.start, p.end))) return;
  for (const part of parts) list.add(part);
}
