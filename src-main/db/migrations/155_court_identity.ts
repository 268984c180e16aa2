import type { Migration } from '../migrate';

// The court's name and code are now chosen at first run, and a stored courtCode row is the mark that
// they were (filing is refused until then). A database already in use has worked under the values
// shipped as defaults until now: those are written down so it keeps filing under the same code.
export const migration: Migration = {
  version: 155,
  name: 'court_identity',
  sql: `
INSERT OR IGNORE INTO settings (key, value, updated_at, updated_by)
SELECT 'courtCode', '"内0523"', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), '系统'
WHERE EXISTS (SELECT 1 FROM users WHERE username = 'admin' AND password_hash <> '!unset')
   OR EXISTS (SELECT 1 FROM cases);

INSERT OR IGNORE INTO settings (key, value, updated_at, updated_by)
SELECT 'courtName', '"开鲁县人民法院"', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), '系统'
WHERE EXISTS (SELECT 1 FROM settings WHERE key = 'courtCode');
`,
};
