// The order of presence news on a case page (live/presence.ts): the answer to `presence.set` and
// the pushed changes come on different connections, and each carries the server's change number.

export interface Viewer {
  userId: number;
  name: string;
  since: string;
}

/** Who else has the case open, as of the server's change number `seq`. */
export interface Seen {
  viewers: Viewer[];
  seq: number;
}

/** The newer of what the page shows and what just arrived (an answer or a push); equal numbers are the same state. */
export function newerPresence(shown: Seen, arrived: Seen): Seen {
  return arrived.seq >= shown.seq ? arrived : shown;
}
