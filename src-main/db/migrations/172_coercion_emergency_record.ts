import type { Migration } from '../migrate';

// The president's after-approval of a detention made first in an emergency (民诉法解释 Art. 181) is a
// document of its own (补办拘留批准手续记录), made with the decision.
export const migration: Migration = {
  version: 172,
  name: 'coercion_emergency_record',
  sql: `
ALTER TABLE coercion_emergency_decisions ADD COLUMN document_id INTEGER REFERENCES documents(id);
`,
};
