// The triggers that keep the metric facts in step with the event log (contract events of issues
// 4–6: case.filed/migrated, case.closed, case.assigned/reassigned, archive.reviewed,
// case.suspended/unsuspended, ledger.receipt/payout/fee/refund/deferral/reversal). The same bodies
// are installed on case_events (live) and on metric_event_replay (rebuild from the whole log), so
// a rebuilt table is by construction what the live triggers would have produced.

const RECEIPT_KEY = "CAST(json_extract(NEW.payload, '$.entryId') AS TEXT)";

function triggersOn(table: string, prefix: string): string {
  const t = (name: string, types: string[], body: string) =>
    `CREATE TRIGGER ${prefix}_${name} AFTER INSERT ON ${table} WHEN NEW.case_id IS NOT NULL AND NEW.type IN (${types.map((x) => `'${x}'`).join(',')}) BEGIN\n${body}\nEND;`;
  return [
    t(
      'filed',
      ['case.filed', 'case.migrated'],
      `INSERT INTO metric_case_facts (case_id, number, type, filed_on, claim_fen, non_litigation)
  SELECT c.id, c.number, c.type, NEW.on_date, c.claim_fen, c.non_litigation FROM cases c WHERE c.id = NEW.case_id
  ON CONFLICT (case_id) DO UPDATE SET filed_on = excluded.filed_on;`,
    ),
    // The latest closure event wins (a supervisor's correction appends a new one).
    t(
      'closed',
      ['case.closed'],
      `UPDATE metric_case_facts SET closed_on = NEW.on_date, mode = json_extract(NEW.payload, '$.mode'),
  recovered_fen = coalesce(json_extract(NEW.payload, '$.recoveredFen'), 0) WHERE case_id = NEW.case_id;`,
    ),
    t(
      'assigned',
      ['case.assigned', 'case.reassigned'],
      `UPDATE metric_case_facts SET team_id = CAST(json_extract(NEW.payload, '$.teamId') AS TEXT),
  judge_id = CAST(json_extract(NEW.payload, '$.judgeId') AS INTEGER) WHERE case_id = NEW.case_id;`,
    ),
    t(
      'reviewed',
      ['archive.reviewed'],
      `UPDATE metric_case_facts SET review_pass = CASE json_extract(NEW.payload, '$.pass') WHEN 1 THEN 1 WHEN 0 THEN 0 ELSE NULL END WHERE case_id = NEW.case_id;`,
    ),
    // Suspensions pair by kind, like the deadline clocks (src-shared/domain/deadlines.ts).
    t(
      'suspended',
      ['case.suspended'],
      `INSERT INTO metric_suspensions (case_id, kind, from_date)
  SELECT NEW.case_id, coalesce(json_extract(NEW.payload, '$.kind'), ''), NEW.on_date
  WHERE NOT EXISTS (SELECT 1 FROM metric_suspensions WHERE case_id = NEW.case_id AND kind = coalesce(json_extract(NEW.payload, '$.kind'), '') AND to_date IS NULL);`,
    ),
    t(
      'unsuspended',
      ['case.unsuspended'],
      `UPDATE metric_suspensions SET to_date = max(NEW.on_date, from_date)
  WHERE case_id = NEW.case_id AND kind = coalesce(json_extract(NEW.payload, '$.kind'), '') AND to_date IS NULL;`,
    ),
    t(
      'receipt',
      ['ledger.receipt'],
      `INSERT INTO metric_receipts (case_id, entry_id, arrived_on, amount_fen)
  VALUES (NEW.case_id, ${RECEIPT_KEY}, NEW.on_date, coalesce(json_extract(NEW.payload, '$.amountFen'), 0))
  ON CONFLICT DO NOTHING;`,
    ),
    // Money leaves the case account by payout, fee settlement or refund. The ledger names the
    // receipts each settles (receiptIds); without that list, receipts are settled first-in first-out.
    t(
      'settled',
      ['ledger.payout', 'ledger.fee', 'ledger.refund'],
      `UPDATE metric_case_facts SET settled_fen = settled_fen + coalesce(json_extract(NEW.payload, '$.amountFen'), 0) WHERE case_id = NEW.case_id;
UPDATE metric_receipts SET paid_on = NEW.on_date
  WHERE case_id = NEW.case_id AND paid_on IS NULL AND json_type(NEW.payload, '$.receiptIds') = 'array'
    AND entry_id IN (SELECT CAST(value AS TEXT) FROM json_each(NEW.payload, '$.receiptIds'));
UPDATE metric_receipts AS r SET paid_on = NEW.on_date
  WHERE r.case_id = NEW.case_id AND r.paid_on IS NULL AND r.reversed = 0 AND json_type(NEW.payload, '$.receiptIds') IS NULL
    AND (SELECT sum(r2.amount_fen) FROM metric_receipts r2 WHERE r2.case_id = r.case_id AND r2.reversed = 0
         AND (r2.arrived_on < r.arrived_on OR (r2.arrived_on = r.arrived_on AND r2.rowid <= r.rowid)))
      <= (SELECT settled_fen FROM metric_case_facts WHERE case_id = NEW.case_id);`,
    ),
    t(
      'reversal',
      ['ledger.reversal'],
      `UPDATE metric_receipts SET reversed = 1
  WHERE case_id = NEW.case_id AND json_extract(NEW.payload, '$.reversedKind') = 'receipt' AND entry_id = CAST(json_extract(NEW.payload, '$.reverses') AS TEXT);`,
    ),
    t('deferral', ['ledger.deferral'], `UPDATE metric_case_facts SET deferred_until = json_extract(NEW.payload, '$.until') WHERE case_id = NEW.case_id;`),
  ].join('\n');
}

export const METRIC_FACT_TRIGGERS = `${triggersOn('case_events', 'metric_live')}\n${triggersOn('metric_event_replay', 'metric_replay')}`;

/** Rebuilds every fact table from the event log (all of it, in log order) inside the caller's transaction. */
export const REBUILD_FACTS_SQL = `
DELETE FROM metric_case_facts;
DELETE FROM metric_suspensions;
DELETE FROM metric_receipts;
INSERT INTO metric_event_replay (id, case_id, type, on_date, payload) SELECT id, case_id, type, on_date, payload FROM case_events ORDER BY id;
DELETE FROM metric_event_replay;
`;
