import type { Migration } from '../migrate';

// The server-paged grids open on their default order without sorting the whole table: the 终本库
// newest 终本 first, and the closure queue finds the cases whose clerk attested the search for the
// debtor (the one checklist item only an attestation meets) without scanning every attestation.
export const migration: Migration = {
  version: 150,
  name: 'grid_indexes',
  sql: `
CREATE INDEX archive_entries_terminated ON archive_entries(terminated_on, case_id);
CREATE INDEX closure_attestations_item ON closure_attestations(item, case_id);
`,
};
