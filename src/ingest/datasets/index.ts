// Dataset importers (GDELT, ICEWS, ACLED, SIPRI, COW states): streaming readers that turn
// files, directories and zip archives into store records and a report.
export { importDataset, isDatasetKind, DATASET_KINDS, DEFAULT_BATCH, BULK_TRANSACTION_ROWS, CAMEO_APPEALS, APPEAL_SKIPPED } from './run-import.js';
export type { DatasetKind, ImportOptions, ImportProgress, CameoAppeals } from './run-import.js';
export { reportJson, MAX_ERRORS } from './report.js';
export type { ImportReport, RowError } from './report.js';
export { isDatasetStore } from './dataset-store.js';
export type { DatasetStore, GdeltMentionInput, StateMembershipInput, WriteResult } from './dataset-store.js';
