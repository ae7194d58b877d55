// Photo captions and credits in plain-text articles. Wire copy pastes a photo's caption into
// the body as its own paragraph, marked by a credit: "… /Courtesy of AFP=Yonhap",
// "… /AP=연합뉴스", "… (Yonhap)", "(사진=연합뉴스)", "[Photo: Yonhap] …", "사진=… ". Ingest stores
// such paragraphs as CAPTION segments, so reviewers and checks can treat them apart (captions
// follow their own conventions: no full sentences, Korean name order).
//
// Deliberately narrow: a body paragraph that merely mentions a photo must stay a paragraph, so
// a credit only counts at the very start or end of a short paragraph.

/** Captions are a line or two; anything longer is body text that happens to cite a photo. */
const MAX_CAPTION_LENGTH = 400;

// News agencies and photo desks that appear alone in a credit: "(Yonhap)", "/AP".
const AGENCY = String.raw`(?:Yonhap|AFP|AP|Reuters|EPA|Xinhua|Kyodo|Getty\s+Images|Newsis|News1|KCNA|연합뉴스|로이터|뉴시스|뉴스1|조선중앙통신)`;
// Words that make a bracketed or slash credit a photo credit whatever the source named.
const PHOTO_WORD = String.raw`(?:Photo|Photos|Image|Images|Courtesy|Captured|사진|자료사진|제공|캡처)`;
// One credit source: "AFP", "Presidential Office", "대통령실 제공"; no sentence punctuation.
const NAME = String.raw`[\p{L}][\p{L}\p{N} .&'’-]{0,60}`;

const CREDIT_PATTERNS: RegExp[] = [
  // "… /Courtesy of AFP=Yonhap", "… /AP=연합뉴스", "… /Yonhap", "… / 연합뉴스"
  new RegExp(
    String.raw`\s/\s?(?:(?:Courtesy\s+of|Photo\s+by|Provided\s+by)\s+)?${NAME}(?:=${NAME})?\s*$`,
    "u",
  ),
  // "… (Yonhap)", "… [AFP=Yonhap]"
  new RegExp(String.raw`[(\[]\s*${AGENCY}(?:\s*=\s*${AGENCY})?\s*[)\]]\s*$`, "u"),
  // "… (Photo: Presidential Office)", "… (사진=연합뉴스)", "… [Photo courtesy of X]"
  new RegExp(String.raw`[(\[]\s*${PHOTO_WORD}[^()\[\]]{0,80}[)\]]\s*$`, "iu"),
  // "[Photo: Yonhap] …", "(사진=연합뉴스) …", "사진=연합뉴스 …", "Photo: AP …"
  new RegExp(String.raw`^\s*[(\[]?\s*(?:Photo|Photos|사진|자료사진)\s*[:=]`, "iu"),
  // "… 사진=연합뉴스" at the end, unbracketed
  new RegExp(String.raw`(?:사진|자료사진)\s*=\s*${NAME}\s*$`, "u"),
];

/** True when the paragraph reads as a photo caption or credit line. */
export function isCaption(paragraph: string): boolean {
  const text = paragraph.replace(/\s+/g, " ").trim();
  if (text === "" || text.length > MAX_CAPTION_LENGTH) return false;
  return CREDIT_PATTERNS.some((pattern) => pattern.test(text));
}
