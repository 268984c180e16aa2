import type { Migration } from '../migrate';

// Quick search of the case register at 200,000 cases (budget: cases.list p95 < 50 ms).
// A LIKE '%…%' over cases.search_text reads every row twice (the count and the page); instead:
// - 3+ characters (case number fragments, full names, ID numbers): a trigram full-text index over the
//   same text answers the substring search (SQLite FTS5 `trigram`, external content = cases);
// - 1–2 characters (a surname, 商贸): the trigram index cannot answer them, so every 1- and 2-character
//   substring of the party names is kept in case_grams (about 30 rows a case) and looked up exactly.
// Both are filled by the case-search projection when a case is filed (services/cases/searchProjection.ts).
// Indexes for the filtered pages at the end.
export const migration: Migration = {
  version: 2,
  name: 'case_search',
  sql: `
CREATE VIRTUAL TABLE cases_fts USING fts5(search_text, content='cases', content_rowid='id', tokenize='trigram');
INSERT INTO cases_fts(cases_fts) VALUES ('rebuild');
CREATE TABLE case_grams (gram TEXT NOT NULL, case_id INTEGER NOT NULL, PRIMARY KEY (gram, case_id)) STRICT, WITHOUT ROWID;

-- The register's filtered pages come newest first (ORDER BY id DESC LIMIT n): with the filter's
-- columns followed by id in the index, SQLite walks the index backwards instead of sorting every
-- match (at 200,000 cases: a team's 执 cases 121 ms → 1 ms; stage + claim sort 676 ms → 0.3 ms).
CREATE INDEX cases_stage_id ON cases(stage, id);
CREATE INDEX cases_team_type_id ON cases(team_id, type, id);
CREATE INDEX cases_type_id ON cases(type, id);
CREATE INDEX cases_stage_claim ON cases(stage, claim_fen, id);
`,
};
