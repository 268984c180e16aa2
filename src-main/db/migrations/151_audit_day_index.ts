import type { Migration } from '../migrate';

// One user's audit trail filtered to a day (grids.audit, the day as UTC bounds of the court-local
// day) read every event of the user to test its time: the busiest user of the 200,000-case court
// has ~250,000. An index on (actor, time) reads the day's events alone, for the count and the page,
// and (with the rowid last) serves the trail's order by time unfiltered too.
export const migration: Migration = {
  version: 151,
  name: 'audit_day_index',
  sql: `
CREATE INDEX case_events_actor_at ON case_events(actor_id, at);
`,
};
