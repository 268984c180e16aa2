// The content the credit desk supplies for its three documents (services/credit/documents.ts builds
// it from the register; the templates print it). Dates are YYYY-MM-DD.
export interface ListingDecisionExtra {
  listingId: number;
  partyId: number;
  ground: number;
  groundText: string;
  facts: string;
  decidedOn: string;
  termYears: number | null;
  termEndsOn: string | null;
  extensionReason: string | null;
}

export interface DeletionDecisionExtra {
  listingId: number;
  partyId: number;
  listedOn: string;
  groundText: string;
  article: string;
}

export interface LiftOrderExtra {
  restrictionId: number;
  orderedOn: string;
  persons: string[];
  groundText: string;
  /** Art. 9: performance — must lift; security or consent — may lift. */
  must: boolean;
  note: string | null;
}
