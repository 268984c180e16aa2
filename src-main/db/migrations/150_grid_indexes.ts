import type { Migration } from '../migrate';

// The server-paged grids open on their default order without sorting the whole table: the 终本库
// newest 终本 first (terminated_on, case_id, read backwards); the closure queue finds the cases whose
// clerk attested the search for the debtor (the one checklist item only an attestation meets)
// without scanning every attestation; and the 案款 accounts sum every case's entries from the
// index alone (case, kind, amount) to find the accounts still holding money.
export const migration: Migration = {
  version: 150,
  name: 'grid_indexes',
  sql: `
CREATE INDEX archive_entries_terminated ON archive_entries(terminated_on, case_id);
CREATE INDEX closure_attestations_item ON closure_attestations(item, case_id);
CREATE INDEX ledger_entries_case_kind ON ledger_entries(case_id, kind, amount_fen);
`,
};
