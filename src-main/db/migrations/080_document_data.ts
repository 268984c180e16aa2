import type { Migration } from '../migrate';

// What the court's documents need and the register lacked (domain.md §5):
// - the 执行依据's type and what it ordered, and whether several debtors are liable jointly and
//   severally; cases filed before this are marked '未登记' (not known), so a document that recites
//   the title refuses to be made until the clerk records it, rather than inventing a type;
// - each applicant's share when several apply together (the payout split), a party's agent and the
//   title of an organisation's legal representative (the parties block of a ruling);
// - the officers who sign the case's rulings (民诉法 Art. 157: 审判人员、书记员署名) when they are set
//   for the case itself rather than by its team;
// - the 终本 basis of 解释 Art. 517: the applicant's signed consent, or the 合议庭's review with the
//   president's approval;
// - the case's own account (一案一账号) as the bank issued it, entered or imported from the bank's list;
// - per document: the number printed on it (之一, 之二 … of a case's rulings), the party it is
//   addressed to (one 送达回证 per recipient) and the wording version it was made from;
// - the administrator's versions of each template's wording.
export const migration: Migration = {
  version: 80,
  name: 'document_data',
  sql: `
ALTER TABLE cases ADD COLUMN title_kind TEXT NOT NULL DEFAULT '未登记';
ALTER TABLE cases ADD COLUMN title_kind_other TEXT;
ALTER TABLE cases ADD COLUMN title_ordered TEXT;
ALTER TABLE cases ADD COLUMN title_joint INTEGER NOT NULL DEFAULT 0;

ALTER TABLE parties ADD COLUMN share_fen INTEGER CHECK (share_fen IS NULL OR share_fen >= 0);
ALTER TABLE parties ADD COLUMN agent_name TEXT;
ALTER TABLE parties ADD COLUMN agent_unit TEXT;
ALTER TABLE parties ADD COLUMN legal_rep_title TEXT;

CREATE TABLE case_officers (
  case_id INTEGER PRIMARY KEY REFERENCES cases(id),
  judge_id INTEGER REFERENCES users(id),
  clerk_id INTEGER REFERENCES users(id),
  set_at TEXT NOT NULL,
  set_by TEXT NOT NULL
) STRICT;

CREATE TABLE zhongben_bases (
  case_id INTEGER PRIMARY KEY REFERENCES cases(id),
  kind TEXT NOT NULL CHECK (kind IN ('consent','panel')),
  consent_on TEXT,
  presiding_id INTEGER REFERENCES users(id),
  member_ids TEXT,
  reviewed_on TEXT,
  approved_by TEXT,
  approved_on TEXT,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  CHECK ((kind = 'consent' AND consent_on IS NOT NULL) OR (kind = 'panel' AND presiding_id IS NOT NULL AND member_ids IS NOT NULL AND reviewed_on IS NOT NULL AND approved_by IS NOT NULL AND approved_on IS NOT NULL))
) STRICT;

CREATE TABLE case_account_imports (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  bank TEXT NOT NULL,
  rows INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL
) STRICT;

CREATE TABLE case_accounts (
  case_id INTEGER PRIMARY KEY REFERENCES cases(id),
  bank TEXT NOT NULL,
  account_name TEXT NOT NULL,
  account_number TEXT NOT NULL UNIQUE,
  import_id INTEGER REFERENCES case_account_imports(id),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL
) STRICT;

ALTER TABLE documents ADD COLUMN printed_number TEXT;
ALTER TABLE documents ADD COLUMN party_id INTEGER REFERENCES parties(id);
ALTER TABLE documents ADD COLUMN template_version INTEGER NOT NULL DEFAULT 0;
CREATE INDEX documents_rulings ON documents(case_id, printed_number);

CREATE TABLE document_templates (
  kind TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  texts TEXT NOT NULL,
  note TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  PRIMARY KEY (kind, version)
) STRICT;
`,
};
