// What other domains use from the ledger (closure, metrics): derived sums, never stored balances.
export { ledgerBalance, recoveredFen, ledgerTotals, type LedgerTotals } from './balance';
export { recordReceipt } from './entries';
