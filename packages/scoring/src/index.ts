export { configHash, configVersion, defaultScoringConfig, parseScoringConfig, validateScoringConfig } from './config/parse.js';
export { scoringConfigSchema, type ScoringConfig } from './config/schema.js';
export { categoryNames, peerAttributes, type CategoryName, type PeerAttribute } from './config/schema-health.js';
export { tierMeasures, type TierMeasure } from './config/schema-rules.js';
export { segmentNames, severities, tierActions, type SegmentName, type Severity, type TierAction } from './config/schema-outputs.js';
export type { NormalizationMethod, MissingPolicy } from './health/plan.js';
export { segmentRules, type SegmentRule } from './segments/rules.js';
export { prepareHistory, ScoringInputError, type ScoringHistory } from './history.js';
export { createScorer, scorePeriod, scorePeriods, type HealthColumns, type Scorer, type ScorePeriodsOptions } from './scorer.js';
export { backtestHealth, type BacktestFigures, type BacktestReport } from './backtest/backtest.js';
export { alertId } from './ids.js';
export {
  buildWebhookBody,
  signatureHeader,
  signWebhookBody,
  verifyWebhookSignature,
  webhookHeaders,
  type WebhookPayload,
} from './alerts/webhook.js';
export { contributionsOf } from './health/contributions.js';
export { confusionMatrix, formatConfusionMatrix, macroF1, type ConfusionMatrix, type LabelScore, type MacroF1 } from './evaluation.js';
export * from './types.js';
