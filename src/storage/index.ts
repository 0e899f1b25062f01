/**
 * Storage: the device's replica in IndexedDB (Dexie), with every schema version kept, the
 * outbox written in the same transaction as the event it sends, the views folded from the
 * shop's decisions exactly once, typed idb-keyval settings, and backups. Imports only the
 * domain (and dexie, idb-keyval); the app wraps the queries in liveQuery.
 */
export { VERSIONS, VIEW_TABLES, type SchemaVersion } from './schema.ts';
export { SCHEMA_VERSION, tablesAt } from './schema-tables.ts';
export { ShopDb, openDb, DEFAULT_DB_NAME } from './db.ts';
export type { Store } from './store.ts';
export * from './rows.ts';
export { StorageFullError, STORAGE_FULL_MESSAGE, isQuotaError } from './errors.ts';
export { queueIntent, markSent, refuseQueued, type QueueResult } from './write-intent.ts';
export { cancelQueuedOrder, claimForPush, type CancelQueuedResult } from './cancel-queued-order.ts';
export { storeDecisions, type Stored } from './store-decisions.ts';
export * from './queries.ts';
export * from './account-queries.ts';
export * from './journal-queries.ts';
export { setCartQty, cartQty, clearCart, adoptDeviceCart } from './cart.ts';
export { getPhoto } from './photos.ts';
export { putPhoto, deletePhotos } from './photo-writes.ts';
export {
  getSetting, setSetting, settingsStore, SETTINGS, SETTING_NAMES,
  type SettingKey, type SettingName, type SettingValue, type Settings, type Locale, type View, type Remote, type Account,
} from './settings.ts';
export { allSettings, type BackedUpSettings } from './settings-backup.ts';
export {
  getPersonSetting, setPersonSetting, updatePersonSetting, adoptDeviceSettings, PERSON_SPECS, type PersonSettingName, type PersonSettings, type People,
} from './person-settings.ts';
export { exportBackup, importBackup, checkBackup, BackupError, BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './backup.ts';
export type { Damage, DamageKind } from './backup-damage.ts';
export type { CheckpointRow, SetAsideRow, PublishRow } from './sync-rows.ts';
export {
  getCheckpoint, applyPulled, startOver, listSetAside, sentUndecided, requeue, toPublish, markPublished, republishAll, checkpointOf, markCatalogState,
  type PulledPage, type PublishedSold,
} from './sync-state.ts';
export {
  storeAuthorityRun, republishBuyer, republishCopies, unparkAll, checkpointsOf, checkpointsFrom, forgetGuards, addCheckpoint, eventsByIds,
  decisionsOfIntents, unjournaledStanding, type AuthorityRun, type UnjournaledStanding,
} from './authority-state.ts';
export type { ConversationRow, MessageOutboxRow, MessageRow } from './message-rows.ts';
export { sendMessage, storeMessages, queuedMessages, markMessagesSent, refuseMessage } from './message-store.ts';
export {
  listConversations, unreadCount, readConversation, readUpToOf, sentTimesSince, type ConversationSummary, type Conversation, type ShownMessage } from './message-queries.ts';
export { updatesFor } from './updates-queries.ts';
