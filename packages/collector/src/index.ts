export { startCollector } from './start-collector';
export type { StartCollectorOptions, RunningCollector } from './start-collector';
export { createCollectorHandler } from './collector-handler';
export type { CollectorOptions, CollectorHandler } from './collector-handler';
export type { EventStore, InsertResult, ListQuery, StoredEvent } from './event-store';
export { createMemoryStore } from './memory-store';
export { createSqliteStore } from './sqlite-store';
export type { SqliteStoreOptions } from './sqlite-store';
export { createBatchValidator } from './validate-batch';
export type { BatchCheck, BatchValidator } from './validate-batch';
export { createBatchTriage } from './triage-batch';
export type { BatchTriage, BatchTriageFn, RejectedEvent, RejectReason } from './triage-batch';
export { loadWireSchema } from './load-wire-schema';
export { checkJsonSchema, SUPPORTED_KEYWORDS } from './check-json-schema';
export type { JsonSchema, SchemaError } from './check-json-schema';
export { findPii, classifyPii, passesLuhn } from './find-pii';
export type { PiiKind, PiiFinding } from './find-pii';
export { createRateLimiter, DEFAULT_RATE_LIMIT } from './rate-limiter';
export type { RateLimit, RateLimiter, RateDecision } from './rate-limiter';
export { createCorsPolicy } from './cors-policy';
export type { CorsPolicy, OriginVerdict } from './cors-policy';
export type { WireBatch, WireEvent } from './wire-batch';
export { createPostgresStore } from './postgres-store';
export type { PgPool, PostgresStoreOptions } from './postgres-store';
export { summarizeEvents } from './report/summarize-events';
export type { SummarizeOptions } from './report/summarize-events';
export { renderReportHtml, REPORT_CSP } from './report/render-report-html';
export { LIFT_METHOD } from './report/rule-funnel';
export { wilsonInterval, newcombeInterval } from './report/proportion-interval';
export type { Interval } from './report/proportion-interval';
export type { ReportOptions } from './report/report-route';
export type {
  ReportSummary,
  Overview,
  Friction,
  Trend,
  Cell,
  MaybeCell,
  Count,
  SignalName,
  BreakdownRow,
  BreakdownTable,
  RuleReport,
  Comparison,
  Arm,
  ShadowReport,
  VitalName,
  VitalsRow,
  VitalsTable,
} from './report/report-summary';
export { createHandoffWebhook } from './handoff-webhook';
export type { WebhookOptions, WebhookCounts, HandoffWebhook } from './handoff-webhook';
export { verifyWebhookSignature, signWebhookBody, SIGNATURE_HEADER } from './webhook-signature';
export type { VerifyWebhookInput, SignatureCheck, SignatureFailure } from './webhook-signature';
export { handoffWebhookRecord, webhookBody } from './webhook-body';
export type { HandoffWebhookRecord, WebhookFormat } from './webhook-body';
export type { CollectorCounts } from './collector-handler';
export { createClickhouseStore } from './clickhouse-store';
export type { ClickhouseClient, ClickhouseStoreOptions } from './clickhouse-store';
export { exportEvents } from './export-events';
export type { ExportOptions } from './export-events';
export { createReportAccess } from './report-access';
export type { ReportAccess, ReportAccessOptions } from './report-access';
