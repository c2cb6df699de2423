export { createPool, quoteIdent, withTransaction, type Pool, type PoolClient, type PoolOptions } from './connection.ts';
export { loadMigrations, migrate, migrationsApplied, type Migration, type MigrateResult } from './migrate.ts';
export { freePort, startEmbeddedPostgres, type EmbeddedDatabase, type EmbeddedOptions } from './embedded.ts';
export { seedProvincePack, type SeedResult } from './queries/seed-province-pack.ts';
export { RollupBatch, type ComplaintRollupFacts } from './queries/live/complaint-rollups.ts';
export { touchTopics } from './queries/live/touch-topics.ts';
export { runAsLeader, type LeaderHandle, type LeaderOptions } from './leader.ts';
export { publishTopics, type PublishResult, type TopicBuilder } from './queries/live/publish-topics.ts';
export { headSeq, readDeltas, type DeltaRow } from './queries/live/read-deltas.ts';
export { liveOutboxDepth, type OutboxDepth } from './queries/live/outbox-depth.ts';
export { publishedTopics, topicSnapshot } from './queries/live/topic-snapshot.ts';
export { pruneLiveLog } from './queries/live/prune-deltas.ts';
export {
  markSourceDelivered,
  recordHeartbeat,
  sourceFreshness,
  type SourceFreshnessRow,
} from './queries/live/source-freshness.ts';
export { findWallDevice, issueWallDevice, revokeWallDevice } from './queries/live/wall-devices.ts';
export { listen, type Listener } from './listen.ts';
export { complaintOverview, type ComplaintOverview, type OverviewFilter } from './queries/topics/complaint-overview.ts';
export { worklistItems } from './queries/topics/worklist-items.ts';
export { requestTopic } from './queries/live/request-topic.ts';
export * from './queries/complaints/complaint-writes.ts';
export { IngestRollupBatch } from './queries/complaints/ingest-rollups.ts';
export { loadWorkingCalendar } from './queries/complaints/working-calendar.ts';
export { issueSourceKey, sourceForKey } from './queries/complaints/ingest-sources.ts';
export { appendAudit, auditHash, canonicalJson, type AuditEntry } from './queries/audit/append-audit.ts';
export { verifyAuditChain, type AuditVerdict } from './queries/audit/verify-audit.ts';
export { demoFeedPosition, saveDemoFeedCursor, type DemoFeedRow } from './queries/demo-feed.ts';
export * from './queries/complaints/deadline-watch.ts';
export * from './queries/complaints/rebuild-source.ts';
export { currentSchema, pingDatabase } from './queries/database-identity.ts';
export * from './queries/ppid/index.ts';
export * from './queries/social/index.ts';
export { importCheckpoint, saveImportCheckpoint } from './queries/import-checkpoint.ts';
export {
  laporConnectorState,
  saveLaporConnectorState,
  type LaporConnectorState,
} from './queries/lapor-connector-state.ts';
export { findServiceToken, issueServiceToken, type Role } from './queries/service-tokens.ts';
export * from './queries/complaints/complaint-reads.ts';
export * from './queries/complaints/deadline-recompute.ts';
export { loadedCalendarYears } from './queries/calendar-years.ts';
export {
  ladderLevels,
  raiseEscalation,
  setDeadlineState,
  type CaseKind,
} from './queries/deadlines/escalation-writes.ts';
export { ppidStockFigures, type PpidStockFigures } from './queries/ppid/ppid-stock-figures.ts';
export { socialReplySummary, type SocialReplySummary } from './queries/social/social-reply-summary.ts';
export { socialOpenIssues } from './queries/social/social-open-issues.ts';
export * from './queries/complaints/calendar-edit.ts';
export { listIngestSources, type IngestSourceRow } from './queries/sources/list-ingest-sources.ts';
export { revokeSourceKey } from './queries/sources/revoke-source-key.ts';
export {
  listConnectorsForAdmin,
  listSourcesForAdmin,
  setConnectorPaused,
  type ConnectorAdminRow,
  type SourceAdminRow,
} from './queries/sources/source-admin.ts';
export * from './queries/complaints/complaint-settings.ts';
export { embedSecret } from './queries/widgets/embed-secret.ts';
export {
  activeEmbedToken,
  embedTokenBySiteKey,
  insertEmbedToken,
  listEmbedTokens,
  revokeEmbedToken,
  type EmbedTokenRow,
} from './queries/widgets/embed-tokens.ts';
export {
  countUsers,
  findUserById,
  findUserForLogin,
  insertUser,
  listUsers,
  setUserPassword,
  updateUser,
  type AppUser,
} from './queries/auth/users.ts';
export {
  deleteSession,
  deleteUserSessions,
  findSession,
  insertSession,
  touchSession,
  type SessionRow,
} from './queries/auth/sessions.ts';
export {
  markLoginAttemptOk,
  recentLoginFailures,
  recordLoginAttempt,
  reserveLoginAttempt,
  type LoginAttemptReservation,
} from './queries/auth/login-attempts.ts';
export { listWallDevices, type WallDeviceRow } from './queries/live/list-wall-devices.ts';
export { listAudit, type AuditFilter, type AuditRow } from './queries/audit/list-audit.ts';
export {
  worklistGroups,
  worklistPage,
  type WorklistFilter,
  type WorklistKind,
  type WorklistRow,
} from './queries/console/worklist-page.ts';
export {
  assignableUsers,
  assignItem,
  handoverGroups,
  lockAssignableItem,
  type Assignee,
  type HandoverGroup,
  type HandoverItem,
} from './queries/console/assignment.ts';
export { complaintIdByTracking, nextWalkInTrackingId } from './queries/console/walk-in.ts';
export { socialInteractionRef } from './queries/social/social-interaction-ref.ts';
export { ppidSourceRef } from './queries/ppid/ppid-source-ref.ts';
export {
  liveOutboxSequence,
  publicCubeRollups,
  publicCubeStock,
  type CubeRollupRow,
} from './queries/public/public-cube-rows.ts';
export { recentComplaints, type RecentComplaint } from './queries/topics/recent-complaints.ts';
export { setWallOverride, wallOverrides, type WallOverride } from './queries/live/wall-overrides.ts';
export {
  deleteWallPlaylist,
  saveWallPlaylist,
  wallPlaylist,
  wallPlaylists,
  type PlaylistEntryRow,
  type WallPlaylistRow,
} from './queries/live/wall-playlist.ts';
export {
  acknowledgePpidEscalations,
  lockPpidCase,
  ppidCaseDetail,
  type PpidCaseRow,
  type PpidTimelineEntry,
} from './queries/ppid/ppid-case.ts';
export { pruneDeadSessions, pruneLoginAttempts } from './queries/retention.ts';
export * from './queries/notifications/index.ts';
export * from './queries/reports/complaint-period.ts';
export * from './queries/reports/complaint-daily.ts';
export * from './queries/reports/report-schedules.ts';
export {
  addAnnotation,
  allAnnotations,
  annotationsFor,
  publicAnnotationsFor,
  recordSourceOutages,
  removeAnnotation,
  type AnnotationRow,
} from './queries/annotations/annotations.ts';
export * from './queries/issues/index.ts';
