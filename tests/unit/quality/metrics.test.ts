// Expected values come from sacrebleu's own tests, from documentation of sacrebleu-backed
// metrics, or from a hand trace of sacrebleu's algorithm written out next to the case.
// Sources:
//   [ST] mjpost/sacrebleu test/test_ter.py (2.x): TER() defaults, `corpus_score`.
//   [SC] mjpost/sacrebleu test/test_chrf.py (2.x), `test_cases_effective_order`
//        (eps_smoothing=False, but beta=3: only cases where precision == recall in every order
//        are used, because then F-beta = precision for any beta, so the value holds for beta=2).
//   [SC1] mjpost/sacrebleu test/test_chrf.py (1.x, effective order, beta=3): empty-reference
//        cases `([""], [""], 0.0)` and `(["source"], [""], 0.0)`; 0 for any beta.
//   [SCe] mjpost/sacrebleu test/test_chrf.py (2.x) `test_cases` (eps_smoothing=True, beta=3):
//        only cases with no matching n-gram at all, which score 0 under any averaging or beta.
//   [HF] huggingface/evaluate metrics/chrf/README.md and metrics/chrf/chrf.py docstring
//        (sacrebleu CHRF with defaults, value printed by sacrebleu); metrics/ter/ter.py
//        docstring (sacrebleu TER) for the inputs of some hand-traced TER cases.
// Hand-traced values were also confirmed by running sacrebleu 2.6.0 (TER(), CHRF()).

import { describe, it, expect } from "vitest";

import {
  chrf,
  chrfCorpus,
  editedShare,
  ter,
  terCorpus,
  wordEditDistance,
} from "@/lib/quality/metrics";

interface Case {
  name: string;
  hyp: string;
  ref: string;
  expected: number;
}

// --- TER ---------------------------------------------------------------------------------

const terCases: Case[] = [
  // [ST] perfect match
  { name: "identical", hyp: "aaaa bbbb cccc dddd", ref: "aaaa bbbb cccc dddd", expected: 0 },
  // [ST] no overlap: 3 substitutions / 3 words
  { name: "no overlap", hyp: "dddd eeee ffff", ref: "aaaa bbbb cccc", expected: 100 },
  // [ST] empty hypothesis: 1 insertion / 1 word
  { name: "empty hypothesis", hyp: "", ref: "a", expected: 100 },
  // [ST] "a single shift fixes MT": 1 shift / 8 words
  { name: "single block shift", hyp: "d e f g h a b c", ref: "a b c d e f g h", expected: 12.5 },
  // Hand trace (inputs from [HF] TER example 2). TER lowercases both sides by default, so the
  // word lists are identical: 0 edits. (With case_sensitive=True, [HF] counts 4 edits here.)
  {
    name: "case differences are ignored (HF inputs)",
    hyp: "what about this sentence?",
    ref: "wHaT aBoUt ThIs SeNtEnCe?",
    expected: 0,
  },
  // Hand trace (inputs from [HF] TER examples). Words: [does, this, sentence, match??] vs
  // [does, this, sentence, match]. Edit distance 1 (substitute the last word). The only shift
  // pairs are the matching words at equal positions, all aligned without error
  // (hyp_err = 0), so `_shift` skips them: 1 edit / 4 words = 25. Same against "match!?!".
  // Consistent with [HF] example 2, where this sentence contributes 1 of 5 edits.
  {
    name: "punctuation glued to a word is part of the token",
    hyp: "does this sentence match??",
    ref: "does this sentence match",
    expected: 25,
  },
  {
    name: "punctuation glued to a word, other reference",
    hyp: "does this sentence match??",
    ref: "does this sentence match!?!",
    expected: 25,
  },
  // Hand trace (inputs from [HF] TER example 1). After lowercasing, the 10 hypothesis words
  // share no word with [your, jokes, are...], so there is no shift pair at all; the edit
  // distance is 3 substitutions + 7 deletions = 10, over 3 reference words: 333.33.
  {
    name: "TER above 100 for a long hypothesis",
    hyp: "What did the TER metric user say to the developer?",
    ref: "Your jokes are...",
    expected: 1000 / 3,
  },
  // Hand trace: lowercasing makes [the, cat, sat] on both sides: 0 edits.
  { name: "case-insensitive", hyp: "The Cat Sat", ref: "the cat sat", expected: 0 },
  // Hand trace: [hello, ",", world] vs [hello, world]. The only cost-1 path deletes ",", so
  // hello and world are aligned without error and both shift pairs (0,0) and (2,1) are skipped
  // (hyp_err = 0): 1 edit / 2 words = 50.
  { name: "separate punctuation token", hyp: "hello , world", ref: "hello world", expected: 50 },
  // Hand trace: no punctuation splitting by default, so [hello,, world!] vs [hello, world]
  // share no token: 2 substitutions / 2 words = 100.
  { name: "no punctuation tokenisation", hyp: "Hello, world!", ref: "Hello world", expected: 100 },
  // Hand trace (Korean shift). Write ref = [A B C D] = [고양이가 매트 위에 앉았다] and
  // hyp = [B C A D]. BeamEditDistance (beam covers the whole 5x5 matrix) gives distance 2 with
  // trace "i,nop,nop,d,nop" (insert A, keep B C, delete A, keep D). Flipped, the alignment is
  // align = [-1, 0, 1, 3], ref_err = [1, 0, 0, 0], hyp_err = [0, 0, 1, 0]. Shift pairs
  // (h, r, len): (0,1,1), (0,1,2), (1,2,1), (3,3,1) are skipped (hyp_err = 0); (2,0,1) passes
  // (align[0] = -1 is outside the block), target idx 0 gives [A B C D] with distance 0, so
  // delta = 2 and the shift is taken. The next round finds no erroneous word.
  // Total = 1 shift + 0 = 1 edit / 4 words = 25.
  {
    name: "Korean word shift",
    hyp: "매트 위에 고양이가 앉았다",
    ref: "고양이가 매트 위에 앉았다",
    expected: 25,
  },
  // Hand trace: tokenisation is whitespace splitting, so runs of spaces and tabs do not count.
  {
    name: "Korean, extra whitespace",
    hyp: "고양이가  매트\t위에",
    ref: "고양이가 매트 위에",
    expected: 0,
  },
  // Hand trace: one mismatch at equal lengths (the -> a). The extra "the" in hyp matches ref[0]
  // but ref[0] is already matched (ref_err = 0), so no shift: 1 / 6 words.
  {
    name: "one substitution",
    hyp: "the cat sat on the mat",
    ref: "the cat sat on a mat",
    expected: 100 / 6,
  },
  // Hand trace: the only cost-1 path deletes the second "the"; its shift pair (4,0,1) is
  // skipped because ref[0] is matched: 1 / 5 words.
  { name: "one deletion", hyp: "the cat sat on the mat", ref: "the cat sat on mat", expected: 20 },
  // Edge cases, from TER._compute_score_from_stats: empty reference scores 0 if the hypothesis
  // is empty too, else 1 (x100).
  { name: "both empty", hyp: "", ref: "", expected: 0 },
  { name: "empty reference", hyp: "a b", ref: "", expected: 100 },
  { name: "whitespace only counts as empty", hyp: "  \t", ref: " ", expected: 0 },
];

// [ST] "realistic example from WMT dev data (2019)": corpus TER = 0.136 (x100).
const wmtHypotheses = [
  'wählen Sie " Bild neu berechnen , " um beim Ändern der Bildgröße Pixel hinzuzufügen oder zu entfernen , damit das Bild ungefähr dieselbe Größe aufweist wie die andere Größe .',
  'wenn Sie alle Aufgaben im aktuellen Dokument aktualisieren möchten , wählen Sie im Menü des Aufgabenbedienfelds die Option " Alle Aufgaben aktualisieren . "',
  'klicken Sie auf der Registerkarte " Optionen " auf die Schaltfläche " Benutzerdefiniert " und geben Sie Werte für " Fehlerkorrektur-Level " und " Y / X-Verhältnis " ein .',
  "Sie können beispielsweise ein Dokument erstellen , das ein Auto über die Bühne enthält .",
  'wählen Sie im Dialogfeld " Neu aus Vorlage " eine Vorlage aus und klicken Sie auf " Neu . "',
];
const wmtReferences = [
  'wählen Sie " Bild neu berechnen , " um beim Ändern der Bildgröße Pixel hinzuzufügen oder zu entfernen , damit die Darstellung des Bildes in einer anderen Größe beibehalten wird .',
  'wenn Sie alle Aufgaben im aktuellen Dokument aktualisieren möchten , wählen Sie im Menü des Aufgabenbedienfelds die Option " Alle Aufgaben aktualisieren . "',
  'klicken Sie auf der Registerkarte " Optionen " auf die Schaltfläche " Benutzerdefiniert " und geben Sie für " Fehlerkorrektur-Level " und " Y / X-Verhältnis " niedrigere Werte ein .',
  "Sie können beispielsweise ein Dokument erstellen , das ein Auto enthalt , das sich über die Bühne bewegt .",
  'wählen Sie im Dialogfeld " Neu aus Vorlage " eine Vorlage aus und klicken Sie auf " Neu . "',
];

describe("ter", () => {
  it.each(terCases)("$name", ({ hyp, ref, expected }) => {
    expect(ter(hyp, ref)).toBeCloseTo(expected, 2);
  });

  it("is HTER when scored against the post-edited text", () => {
    // Same numbers as the [ST] shift case: the post-editor moved one block.
    expect(ter("d e f g h a b c", "a b c d e f g h")).toBeCloseTo(12.5, 2);
  });
});

describe("terCorpus", () => {
  it("matches sacrebleu on the WMT 2019 example corpus [ST]", () => {
    expect(terCorpus(wmtHypotheses, wmtReferences)).toBeCloseTo(13.6, 2);
  });

  it("divides total edits by total reference words, not the mean of sentence scores", () => {
    // [ST] sentence statistics: 1 edit / 8 words and 1 edit / 1 word -> 2 / 9 = 22.22
    // (the mean of the sentence scores would be 56.25).
    expect(terCorpus(["d e f g h a b c", ""], ["a b c d e f g h", "a"])).toBeCloseTo(200 / 9, 2);
  });

  it("equals the sentence score for a corpus of one", () => {
    for (const { hyp, ref, expected } of terCases) {
      expect(terCorpus([hyp], [ref])).toBeCloseTo(expected, 2);
    }
  });

  it("handles empty references and empty corpora", () => {
    expect(terCorpus(["x"], [""])).toBe(100);
    expect(terCorpus([""], [""])).toBe(0);
    // Empty reference segments add edits but no length: (1 + 2) / 4 words.
    expect(terCorpus(["a b c d", "x y"], ["a b c e", ""])).toBeCloseTo(75, 2);
    expect(terCorpus([], [])).toBe(0);
  });

  it("rejects streams of different lengths", () => {
    expect(() => terCorpus(["a"], [])).toThrow(RangeError);
  });
});

// --- chrF --------------------------------------------------------------------------------

const chrfCases: Case[] = [
  // [SC] a single matching character: P = R = 1
  { name: "single character", hyp: "a", ref: "a", expected: 100 },
  // [SC] empty hypothesis
  { name: "empty hypothesis", hyp: "", ref: "reference", expected: 0 },
  { name: "empty hypothesis, one-character reference", hyp: "", ref: "c", expected: 0 },
  // [SC] identical
  { name: "identical with spaces", hyp: "a b c", ref: "a b c", expected: 100 },
  // [SC] whitespace is removed before n-gram extraction
  { name: "whitespace is ignored", hyp: "a b c", ref: "abc", expected: 100 },
  // [SC] unigrams: P = R = 1/2; bigrams "aa" vs "ab": P = R = 0; average 1/4 for any beta
  { name: "partial match", hyp: "aa", ref: "ab", expected: 25 },
  // [SCe] no common character n-gram at all
  { name: "disjoint strings", hyp: "abcdefg", ref: "hijklmnop", expected: 0 },
  { name: "different single characters", hyp: "a", ref: "b", expected: 0 },
  // [SC] (eps-smoothing test_cases, 100.0) identical sentences score 100 under any averaging
  {
    name: "identical sentence",
    hyp: "Niemand hat die Absicht, eine Mauer zu errichten",
    ref: "Niemand hat die Absicht, eine Mauer zu errichten",
    expected: 100,
  },
  // [SC1] empty reference(s): no reference n-grams, so no effective order
  { name: "both empty", hyp: "", ref: "", expected: 0 },
  { name: "empty reference", hyp: "source", ref: "", expected: 0 },
  // [HF] chrf.py docstring: sacrebleu CHRF defaults -> 61.576379378113785
  {
    name: "English sentence with punctuation (HF example)",
    hyp: "The relationship between Obama and Netanyahu is not exactly friendly.",
    ref: "The ties between Obama and Netanyahu are not particularly friendly.",
    expected: 61.576379378113785,
  },
  // Hand trace (case-sensitive by default). "Cat" vs "cat": 1-grams 2/3 match (a, t),
  // 2-grams 1/2 ("at"), 3-grams 0/1; 4- to 6-grams exist on neither side, so the effective
  // order is 3. P = R = (2/3 + 1/2 + 0) / 3 = 7/18, and F = P when P = R: 38.89.
  { name: "case matters", hyp: "Cat", ref: "cat", expected: 700 / 18 },
  // Hand trace (punctuation). "Hello!" vs "Hello": orders 1..5 have hyp/ref/match counts
  // 6/5/5, 5/4/4, 4/3/3, 3/2/2, 2/1/1; order 6 has no reference n-gram, so it is dropped.
  // P = (5/6 + 4/5 + 3/4 + 2/3 + 1/2) / 5 = 0.71, R = 1.
  // F2 = 5PR / (4P + R) = 3.55 / 3.84 = 0.924479: 92.45.
  { name: "extra punctuation in hypothesis", hyp: "Hello!", ref: "Hello", expected: 355 / 3.84 },
  // Hand trace (recall weighs more): the mirror case. Orders 1..5: P = 1, R = 0.71 (as
  // above); order 6: hypothesis has no 6-gram (n_hyp = 0), so dropped.
  // F2 = 5 * 1 * 0.71 / (4 + 0.71) = 3.55 / 4.71 = 0.753715: 75.37.
  { name: "missing punctuation in hypothesis", hyp: "Hello", ref: "Hello!", expected: 355 / 4.71 },
  // Hand trace (Korean; one code point per Hangul syllable). Without spaces:
  // hyp 고양이가앉았다, ref 고양이는앉았다 (7 syllables each).
  // 1-grams 6/7 match (all but 가/는); 2-grams 4/6 (고양 양이 앉았 았다);
  // 3-grams 2/5 (고양이 앉았다); 4-, 5-, 6-grams 0/4, 0/3, 0/2. Effective order 6.
  // P = R = (6/7 + 4/6 + 2/5) / 6 = 101/315 = 0.320635: 32.06.
  {
    name: "Korean, one particle changed",
    hyp: "고양이가 앉았다",
    ref: "고양이는 앉았다",
    expected: 10100 / 315,
  },
  // Hand trace (Korean, hypothesis shorter). hyp 서울은맑다 (5), ref 서울은오늘맑다 (7).
  // Order: hyp/ref/match -> 1: 5/7/5, 2: 4/6/3 (서울 울은 맑다), 3: 3/5/1 (서울은),
  // 4: 2/4/0, 5: 1/3/0, 6: 0/2 -> dropped (no hypothesis 6-gram). Effective order 5.
  // P = (1 + 3/4 + 1/3) / 5 = 5/12, R = (5/7 + 1/2 + 1/5) / 5 = 99/350.
  // F2 = 5PR / (4P + R) = (33/56) / (2047/1050) = 34650/114632 = 0.302272: 30.23.
  {
    name: "Korean, word missing",
    hyp: "서울은 맑다",
    ref: "서울은 오늘 맑다",
    expected: 3465000 / 114632,
  },
];

describe("chrf", () => {
  it.each(chrfCases)("$name", ({ hyp, ref, expected }) => {
    expect(chrf(hyp, ref)).toBeCloseTo(expected, 2);
  });

  it("counts astral characters as one character, like Python", () => {
    // Hand trace: "😀x" vs "😀y": 1-grams 1/2 match, 2-grams 0/1. P = R = 1/4: 25.
    // (Counting UTF-16 units would give three 1-grams per side and a different score.)
    expect(chrf("😀x", "😀y")).toBeCloseTo(25, 2);
  });
});

describe("chrfCorpus", () => {
  it("sums statistics over segments [SC]", () => {
    // 1-grams 1 match of 2 on each side; "a"/"b" have no 2-grams. P = R = 1/2.
    expect(chrfCorpus(["a", "b"], ["a", "c"])).toBeCloseTo(50, 2);
  });

  it("matches sacrebleu on the HF two-sentence example [HF]", () => {
    const hyps = [
      "The relationship between cats and dogs is not exactly friendly.",
      "a good bookshop is just a genteel black hole that knows how to read.",
    ];
    const refs = [
      "The relationship between dogs and cats is not exactly friendly.",
      "A good bookshop is just a genteel Black Hole that knows how to read.",
    ];
    expect(chrfCorpus(hyps, refs)).toBeCloseTo(84.64214891738334, 2);
  });

  it("is not the mean of sentence scores", () => {
    // Sentence scores 100 and 0 (both [SC]); the corpus pools the 1-gram counts
    // (hyp 1 + 0, ref 1 + 9, match 1): order 1 P = 1, R = 1/10, and orders 2..6 have
    // no hypothesis n-grams. F2 = 5 * 0.1 / (4 + 0.1) = 12.195.
    expect(chrfCorpus(["a", ""], ["a", "reference"])).toBeCloseTo(50 / 4.1, 2);
  });

  it("equals the sentence score for a corpus of one", () => {
    for (const { hyp, ref, expected } of chrfCases) {
      expect(chrfCorpus([hyp], [ref])).toBeCloseTo(expected, 2);
    }
  });

  it("handles empty corpora and rejects streams of different lengths", () => {
    expect(chrfCorpus([], [])).toBe(0);
    expect(() => chrfCorpus(["a"], ["a", "b"])).toThrow(RangeError);
  });
});

// --- helpers -----------------------------------------------------------------------------

describe("wordEditDistance", () => {
  it("counts word insertions, deletions and substitutions", () => {
    expect(wordEditDistance("the cat sat on the mat", "the cat sat on the mat")).toBe(0);
    expect(wordEditDistance("the cat sat on the mat", "the cat sat on a mat")).toBe(1);
    expect(wordEditDistance("the cat sat on the mat", "the cat sat on mat")).toBe(1);
    expect(wordEditDistance("kitten sitting", "sitting kitten")).toBe(2);
    expect(wordEditDistance("", "a b c")).toBe(3);
    expect(wordEditDistance("a b c", "")).toBe(3);
    expect(wordEditDistance("", "")).toBe(0);
  });

  it("splits on any whitespace and is case-sensitive", () => {
    expect(wordEditDistance("고양이가  매트\n위에", "고양이가 매트 위에")).toBe(0);
    expect(wordEditDistance("The cat", "the cat")).toBe(1);
  });

  it("has no shift operation, unlike TER", () => {
    // TER moves the block a b c in one edit; Levenshtein needs 6 (3 deletions + 3 insertions).
    expect(wordEditDistance("d e f g h a b c", "a b c d e f g h")).toBe(6);
  });
});

describe("editedShare", () => {
  it("is the share of segments whose text changed", () => {
    expect(editedShare(["a", "b", "c", "d"], ["a", "B", "c", "d!"])).toBe(0.5);
    expect(editedShare(["a", "b"], ["a", "b"])).toBe(0);
    expect(editedShare(["a", "b"], ["x", "y"])).toBe(1);
  });

  it("is 0 for an empty article and rejects mismatched lengths", () => {
    expect(editedShare([], [])).toBe(0);
    expect(() => editedShare(["a"], [])).toThrow(RangeError);
  });
});
