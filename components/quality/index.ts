// The quality components for the review workspace. Load their data on the server with
// loadQualityForArticle (lib/server/quality-workspace.ts).
export { SegmentQuality, type SegmentQualityProps } from "./segment-quality";
export { MqmScoreCard } from "./mqm-score-card";
export type {
  AnnotationDto,
  ArticleQualityDto,
  MqmSummaryDto,
  WarningDto,
} from "@/lib/quality/dto";
