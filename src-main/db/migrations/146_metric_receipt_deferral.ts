import type { Migration } from '../migrate';

// The metric facts keep each receipt's deferral (the payout clock's: a deferral of part of the money
// moves only that part's due day), so 案款按期发放率 counts by the same clock as the 案款 page.
// The metric facts projection (version 3) fills it on re-projection.
export const migration: Migration = {
  version: 146,
  name: 'metric_receipt_deferral',
  sql: `
ALTER TABLE metric_receipts ADD COLUMN deferred_until TEXT;
`,
};
