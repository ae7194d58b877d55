import type { IngestArticleInput } from "@/lib/ingest/schema";

// Demo articles written for Galley (not copied from any outlet). Each MT carries
// the errors reviewers meet every day: a kinship term mistranslated, a name
// transliterated two ways, a number dropped or scaled wrongly, and a Korean
// date convention ("on the 13th (local time)") kept literally.

const FOOTER = "※ This article has been translated by AI. Share your feedback here.";

export const DEMO_ARTICLES: IngestArticleInput[] = [
  {
    externalId: "demo-2026-1101",
    outlet: "Seoul Daily",
    url: "https://news.example/seoul-daily/2026/11/semiconductor-fund",
    byline: "Park Min-ji",
    publishedAt: "2026-11-13T09:00:00+09:00",
    sourceLang: "ko",
    targetLang: "en",
    engine: { name: "Nova MT", version: "3.2" },
    title: {
      source: '정부, 반도체 산업에 10조 원 투입…이재명 "속도가 생명"',
      mt: 'Government to inject 10 billion won into semiconductor industry... Lee Jae-myung says "speed is life"',
    },
    source: [
      "정부가 13일 반도체 산업 경쟁력 강화를 위해 10조 원 규모의 지원 펀드를 조성한다고 밝혔다.",
      '이재명 대통령은 이날 경기도 평택의 반도체 공장을 방문해 "반도체는 속도가 생명"이라며 신속한 집행을 주문했다.',
      "펀드는 2027년까지 3년에 걸쳐 집행되며, 중소 협력업체 1,200곳이 지원 대상에 포함된다.",
      '산업통상자원부 관계자는 "대만과 미국의 지원 규모를 고려하면 이번 펀드는 최소한의 대응"이라고 말했다.',
      "이재명 대통령은 방문 후 기자들과 만나 추가 지원 가능성도 언급했다.",
      "※ 이 기사는 AI로 번역되었습니다.",
    ].join("\n\n"),
    mt: [
      "The government announced on the 13th that it will create a support fund worth 10 billion won to strengthen the competitiveness of the semiconductor industry.",
      'President Lee Jae-myung visited a semiconductor plant in Pyeongtaek, Gyeonggi Province, on the same day and ordered swift execution, saying, "Semiconductors are about speed."',
      "The fund will be executed over three years through 2027, and small and medium-sized partner companies will be included in the support.",
      'An official from the Ministry of Trade, Industry and Energy said, "Considering the scale of support in Taiwan and the United States, this fund is a minimum response."',
      "President Lee Jae-myeong met reporters after the visit and also mentioned the possibility of additional support.",
      FOOTER,
    ].join("\n\n"),
  },
  {
    externalId: "demo-2026-1102",
    outlet: "Seoul Daily",
    url: "https://news.example/seoul-daily/2026/11/family-reunion",
    byline: "Choi Soo-bin",
    publishedAt: "2026-11-12T14:30:00+09:00",
    sourceLang: "ko",
    targetLang: "en",
    engine: { name: "Lumen LLM", version: "2026-09" },
    title: {
      source: '70년 만에 만난 외삼촌과 조카…"꿈만 같다"',
      mt: "Uncle on father's side and nephew meet after 70 years... \"It's like a dream\"",
    },
    source: [
      "한국전쟁 때 헤어진 외삼촌과 조카가 70년 만에 다시 만났다.",
      "김영수(82) 씨는 12일(현지시간) 미국 로스앤젤레스에서 외삼촌 박정호(95) 씨를 만나 눈물을 흘렸다.",
      '김 씨는 "어머니가 돌아가시기 전까지 오빠를 찾았다"며 "꿈만 같다"고 말했다.',
      "두 사람은 유전자 검사를 통해 가족 관계를 확인했다.",
      "※ 이 기사는 AI로 번역되었습니다.",
    ].join("\n\n"),
    mt: [
      "An uncle on his father's side and his nephew who were separated during the Korean War met again after 70 years.",
      "Kim Young-soo, 82, shed tears when he met his uncle Park Jung-ho, 95, in Los Angeles on the 12th (local time).",
      'Kim said, "My mother looked for her older sister until she passed away," adding, "It\'s like a dream."',
      "The two confirmed their family relationship through a DNA test.",
      FOOTER,
    ].join("\n\n"),
  },
  {
    externalId: "demo-2026-1103",
    outlet: "Seoul Daily",
    url: "https://news.example/seoul-daily/2026/11/han-river-bridge",
    byline: "Jung Da-eun",
    publishedAt: "2026-11-11T07:15:00+09:00",
    sourceLang: "ko",
    targetLang: "en",
    engine: { name: "Nova MT", version: "3.2" },
    title: {
      source: "서울시, 한강 보행교 2028년 개통…사업비 1조 2000억 원",
      mt: "Seoul City to open Han River pedestrian bridge in 2028... project cost 1.2 trillion won",
    },
    source: [
      "서울시는 11일 한강을 가로지르는 보행 전용 다리를 2028년 개통한다고 발표했다.",
      "다리의 길이는 1.1㎞이며 하루 평균 3만5천 명이 이용할 것으로 예상된다.",
      '오세훈 시장은 "한강을 시민의 일상 공간으로 되돌리겠다"고 말했다.',
      "시는 내년 3월 착공할 예정이다.",
    ].join("\n\n"),
    mt: [
      "The Seoul Metropolitan Government announced on the 11th that it will open a pedestrian-only bridge across the Han River in 2028.",
      "The bridge is 1.1 km long and is expected to be used by an average of people per day.",
      'Mayor Oh Se-hoon said, "We will return the Han River to the daily space of citizens."',
      "The city plans to break ground in March next year.",
      FOOTER,
    ].join("\n\n"),
  },
];

/** Later revisions for the first demo article, so history, diff and blame have something to show. */
export const DEMO_EDITS: {
  externalId: string;
  by: string;
  summary: string;
  segments: { index: number; text: string }[];
}[] = [
  {
    externalId: "demo-2026-1101",
    by: "reviewer@galley.local",
    summary: "Fix fund size: 10조 원 is 10 trillion won",
    segments: [
      {
        index: 0,
        text: 'Government to inject 10 trillion won into semiconductor industry... Lee Jae-myung says "speed is everything"',
      },
      {
        index: 1,
        text: "The government announced on Nov. 13 that it will create a support fund worth 10 trillion won to strengthen the competitiveness of the semiconductor industry.",
      },
    ],
  },
  {
    externalId: "demo-2026-1101",
    by: "reviewer@galley.local",
    summary: "Consistent spelling of the president's name; add the missing count",
    segments: [
      {
        index: 3,
        text: "The fund will be disbursed over three years through 2027, and 1,200 small and medium-sized partner companies will be eligible for support.",
      },
      {
        index: 5,
        text: "President Lee Jae-myung met reporters after the visit and also mentioned the possibility of additional support.",
      },
    ],
  },
  {
    externalId: "demo-2026-1101",
    by: "editor@galley.local",
    summary: "Tighten the quote",
    segments: [
      {
        index: 2,
        text: 'President Lee Jae-myung visited a semiconductor plant in Pyeongtaek, Gyeonggi Province, the same day and called for swift execution, saying, "In semiconductors, speed is everything."',
      },
    ],
  },
];

export const DEMO_USERS = [
  { email: "admin@galley.local", name: "Ada Admin", role: "ADMIN" as const },
  { email: "editor@galley.local", name: "Eun-ji Editor", role: "EDITOR" as const },
  { email: "reviewer@galley.local", name: "Riley Reviewer", role: "REVIEWER" as const },
  { email: "viewer@galley.local", name: "Vic Viewer", role: "VIEWER" as const },
];

export const DEMO_PASSWORD = "galley-demo";
