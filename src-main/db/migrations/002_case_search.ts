import type { Migration } from '../migrate';

// Quick search of the case register at 200,000 cases (issue 2 budget: cases.list p95 < 50 ms).
// A LIKE '%…%' over cases.search_text reads every row twice (the count and the page); instead:
// - 3+ characters (case number fragments, full names, ID numbers): a trigram full-text index over the
//   same text answers the substring search (SQLite FTS5 `trigram`, external content = cases);
// - 1–2 characters (a surname, 商贸): the trigram index cannot answer them, so every 1- and 2-character
//   substring of the party names is kept in case_grams (about 30 rows a case) and looked up exactly.
// Triggers keep both in step with `cases`, whoever writes it. Indexes for the filtered pages at the end.
const names = (row: 'NEW' | 'OLD') => `upper(${row}.applicant_names || '、' || ${row}.debtor_names)`;
const grams = (row: 'NEW') => `
  INSERT OR IGNORE INTO case_grams (gram, case_id)
  SELECT substr(${names(row)}, p.n, 1), ${row}.id FROM case_search_positions p
    WHERE p.n <= length(${names(row)}) AND substr(${names(row)}, p.n, 1) NOT IN ('、', ' ')
  UNION
  SELECT substr(${names(row)}, p.n, 2), ${row}.id FROM case_search_positions p
    WHERE p.n < length(${names(row)}) AND substr(${names(row)}, p.n, 1) NOT IN ('、', ' ') AND substr(${names(row)}, p.n + 1, 1) NOT IN ('、', ' ');`;

/** Fills case_grams from every case (also used by the bulk benchmark loader after it drops the triggers). */
export const REBUILD_CASE_GRAMS = `
INSERT OR IGNORE INTO case_grams (gram, case_id)
  SELECT substr(upper(c.applicant_names || '、' || c.debtor_names), p.n, 1), c.id FROM cases c JOIN case_search_positions p ON p.n <= length(c.applicant_names || '、' || c.debtor_names)
  WHERE substr(upper(c.applicant_names || '、' || c.debtor_names), p.n, 1) NOT IN ('、', ' ');
INSERT OR IGNORE INTO case_grams (gram, case_id)
  SELECT substr(upper(c.applicant_names || '、' || c.debtor_names), p.n, 2), c.id FROM cases c JOIN case_search_positions p ON p.n < length(c.applicant_names || '、' || c.debtor_names)
  WHERE substr(upper(c.applicant_names || '、' || c.debtor_names), p.n, 1) NOT IN ('、', ' ') AND substr(upper(c.applicant_names || '、' || c.debtor_names), p.n + 1, 1) NOT IN ('、', ' ');
`;

/** The triggers the bulk loader suspends while it writes, then rebuilds the indexes in one pass. */
export const CASE_SEARCH_TRIGGERS = ['cases_fts_insert', 'case_grams_insert'] as const;

export const migration: Migration = {
  version: 2,
  name: 'case_search',
  sql: `
CREATE VIRTUAL TABLE cases_fts USING fts5(search_text, content='cases', content_rowid='id', tokenize='trigram');
INSERT INTO cases_fts(cases_fts) VALUES ('rebuild');
CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN
  INSERT INTO cases_fts(rowid, search_text) VALUES (NEW.id, NEW.search_text);
END;
CREATE TRIGGER cases_fts_update AFTER UPDATE OF search_text ON cases BEGIN
  INSERT INTO cases_fts(cases_fts, rowid, search_text) VALUES ('delete', OLD.id, OLD.search_text);
  INSERT INTO cases_fts(rowid, search_text) VALUES (NEW.id, NEW.search_text);
END;
CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN
  INSERT INTO cases_fts(cases_fts, rowid, search_text) VALUES ('delete', OLD.id, OLD.search_text);
END;

-- Positions 1..10000 (party names of up to 50 parties), for the triggers to cut names into grams.
CREATE TABLE case_search_positions (n INTEGER PRIMARY KEY) STRICT;
WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 10000) INSERT INTO case_search_positions (n) SELECT n FROM s;
CREATE TABLE case_grams (gram TEXT NOT NULL, case_id INTEGER NOT NULL, PRIMARY KEY (gram, case_id)) STRICT, WITHOUT ROWID;
${REBUILD_CASE_GRAMS}
CREATE TRIGGER case_grams_insert AFTER INSERT ON cases BEGIN ${grams('NEW')}
END;
CREATE TRIGGER case_grams_update AFTER UPDATE OF applicant_names, debtor_names ON cases BEGIN
  DELETE FROM case_grams WHERE case_id = OLD.id; ${grams('NEW')}
END;
CREATE TRIGGER case_grams_delete AFTER DELETE ON cases BEGIN
  DELETE FROM case_grams WHERE case_id = OLD.id;
END;

-- The register's filtered pages come newest first (ORDER BY id DESC LIMIT n): with the filter's
-- columns followed by id in the index, SQLite walks the index backwards instead of sorting every
-- match (at 200,000 cases: a team's 执 cases 121 ms → 1 ms; stage + claim sort 676 ms → 0.3 ms).
CREATE INDEX cases_stage_id ON cases(stage, id);
CREATE INDEX cases_team_type_id ON cases(team_id, type, id);
CREATE INDEX cases_type_id ON cases(type, id);
CREATE INDEX cases_stage_claim ON cases(stage, claim_fen, id);
`,
};
