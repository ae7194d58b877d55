// Finds proper-name phrases in English text and decides whether two spellings are variants
// of one name ("Lee Jae-myung" / "Lee Jae-myeong"). Used by the name-inconsistency check.
//
// Heuristic, tuned to keep false positives low:
// - A name phrase is a run of capitalised words ("Lee Jae-myung", "Pyongyang") with common
//   capitalised English words and titles ("The", "President", "Ministry") cut out. The first
//   word of a sentence is dropped when the article also uses it in lower case ("Police said").
//   Phrases need at least 4 letters.
// - Spellings are compared by a skeleton: lower case, letters only (hyphens and spaces go),
//   the romanisation variants "eo"/"oo" folded to "u", doubled letters collapsed.
//   Equal skeletons are variants: "Jae-myung"/"Jae Myung"/"Jae-myeong", "Yoon"/"Yun".
// - Otherwise a one-letter edit between skeletons of 6+ letters counts ("Hyundai"/"Hyundae",
//   "Pyongyang"/"Pyeongyang"), but only with the same word count and the same initials (a
//   changed initial is usually another name: "Kang"/"Jang"), and not when one skeleton
//   extends the other ("Korea"/"Korean").
// - A single word at the start of a sentence is weak evidence; a pair is only reported when
//   at least one spelling is seen elsewhere (mid-sentence, in a longer phrase, or a glossary).

export interface NameMention {
  text: string;
  start: number;
  end: number;
  /** False for a lone capitalised word that opens a sentence (may be an ordinary word). */
  reliable: boolean;
}

const WORD = String.raw`\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)*(?:-\p{L}\p{Ll}*)*`;
const PHRASE = new RegExp(
  String.raw`(?<![\p{L}\p{N}'’-])${WORD}(?:[ \u00a0]${WORD})*(?![\p{L}\p{N}])`,
  "gu",
);
const WORD_IN_PHRASE = new RegExp(WORD, "gu");
const SENTENCE_START = /(?:^|[.!?:;]["'”’)\]]*)\s*["'“‘(\[]*$/u;

/** Capitalised words that are not names, or are titles and institutions around names. */
const NOT_NAMES = new Set(
  (
    "a an the and or but nor so yet if as at by for from in into of off on onto out over to " +
    "up with within without about above after against along among around before behind " +
    "below beneath beside between beyond despite during except inside near since through " +
    "toward towards under until upon via i he she it we they you me him her us them his its " +
    "our their your my this that these those there here what which who whom whose when where " +
    "why how all any both each every few many more most much other some such no not only own " +
    "same than too very also however meanwhile moreover furthermore therefore thus still then " +
    "now while although though because unless whether according earlier later last next new " +
    "first second third former acting deputy vice president presidential prime minister " +
    "ministry chairman chairwoman chair chief ceo governor mayor senator " +
    "representative rep sen gen lt col mr mrs ms dr prof secretary general director head " +
    "leader spokesperson spokesman spokeswoman ambassador officer official officials judge " +
    "justice prosecutor prosecutors police party government national assembly court supreme " +
    "constitutional office committee commission department agency bureau council board bank " +
    "group company corporation corp co inc ltd university city province county district " +
    "north south east west northern southern eastern western korea korean koreans republic " +
    "people democratic power united states state nations international " +
    "monday tuesday wednesday thursday friday saturday sunday january february march april " +
    "may june july august september october november december yonhap news agency reuters"
  ).split(" "),
);

/** Name phrases in one text, with offsets into it. */
export function findNameMentions(text: string, lowercaseWords: ReadonlySet<string>): NameMention[] {
  const mentions: NameMention[] = [];
  for (const phrase of text.matchAll(PHRASE)) {
    let run: { start: number; end: number }[] = [];
    const flush = () => {
      const first = run[0];
      const last = run[run.length - 1];
      run = [];
      if (!first || !last) return;
      const name = text.slice(first.start, last.end);
      if (name.replace(/[^\p{L}]/gu, "").length < 4) return;
      const opensSentence = SENTENCE_START.test(text.slice(0, first.start));
      const reliable = !(opensSentence && last === first);
      mentions.push({
        text: name,
        start: first.start,
        end: last.end,
        reliable,
      });
    };
    for (const word of phrase[0].matchAll(WORD_IN_PHRASE)) {
      const start = phrase.index + word.index;
      const lower = word[0].toLowerCase();
      const opensSentence = run.length === 0 && SENTENCE_START.test(text.slice(0, start));
      if (NOT_NAMES.has(lower) || (opensSentence && lowercaseWords.has(lower))) {
        flush();
        continue;
      }
      run.push({ start, end: start + word[0].length });
    }
    flush();
  }
  return mentions;
}

/** Lower-case words used anywhere in the texts: evidence that a capitalised form is not a name. */
export function lowercaseVocabulary(texts: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const text of texts) {
    for (const [word] of text.matchAll(/(?<![\p{L}'’-])\p{Ll}+(?![\p{L}])/gu)) words.add(word);
  }
  return words;
}

// Skeletons are compared pairwise across an article's spellings, so each is computed once.
// Bounded so a long-running server does not keep every name it has ever seen.
const skeletons = new Map<string, string>();
const MAX_CACHED_SKELETONS = 20_000;

export function nameSkeleton(name: string): string {
  let skeleton = skeletons.get(name);
  if (skeleton === undefined) {
    if (skeletons.size >= MAX_CACHED_SKELETONS) skeletons.clear();
    skeleton = computeSkeleton(name);
    skeletons.set(name, skeleton);
  }
  return skeleton;
}

function computeSkeleton(name: string): string {
  return name
    .normalize("NFD")
    .toLowerCase()
    .replace(/[^\p{Ll}]/gu, "")
    .replace(/eo|oo/g, "u")
    .replace(/(\p{Ll})\1+/gu, "$1");
}

/** True when a and b look like two spellings of the same name (see the heuristic above). */
export function areNameVariants(a: string, b: string): boolean {
  if (a === b) return false;
  const skeletonA = nameSkeleton(a);
  const skeletonB = nameSkeleton(b);
  if (skeletonA.length < 4 || skeletonB.length < 4) return false;
  if (skeletonA === skeletonB) return true;
  if (Math.min(skeletonA.length, skeletonB.length) < 6) return false;
  if (skeletonA.startsWith(skeletonB) || skeletonB.startsWith(skeletonA)) return false;
  if (initials(a) !== initials(b)) return false;
  return levenshteinAtMostOne(skeletonA, skeletonB);
}

const initialsCache = new Map<string, string>();

function initials(name: string): string {
  let result = initialsCache.get(name);
  if (result === undefined) {
    if (initialsCache.size >= MAX_CACHED_SKELETONS) initialsCache.clear();
    result = name
      .split(/\s+/)
      .map((word) => word.charAt(0).toLowerCase())
      .join("");
    initialsCache.set(name, result);
  }
  return result;
}

function levenshteinAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  // After the first difference the rest must line up after one substitution/insertion/deletion.
  return (
    a.slice(i + 1) === b.slice(i + 1) ||
    a.slice(i) === b.slice(i + 1) ||
    a.slice(i + 1) === b.slice(i)
  );
}
