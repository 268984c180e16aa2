import { z } from 'zod';
import type { EventSpec } from './events/define';
import { caseEvents } from './events/cases';
import { closureEvents } from './events/closure';
import { creditEvents } from './events/credit';
import { coercionEvents } from './events/coercion';
import { documentEvents } from './events/documents';
import { inquiryEvents } from './events/inquiries';
import { ledgerEvents } from './events/ledger';
import { metricsEvents } from './events/metrics';
import { systemEvents } from './events/system';
import { triageEvents } from './events/triage';
import { workspaceEvents } from './events/workspace';

// The catalogue of events. Every change to a case is one event (全程留痕); deadlines, metrics and the
// search index are projected from them (src-main/events/projections.ts). Each domain declares its
// events with their payload schema in src-shared/domain/events/<domain>.ts; this file merges them
// into one catalogue and one discriminated union, which `appendEvent` validates every event against.
// `node` names the process node of the national case-flow system the event corresponds to
// (metrics.md §4), so reports can be mapped onto it.

function mergeEvents<const T extends readonly Record<string, EventSpec>[]>(...lists: T): UnionToIntersection<T[number]> {
  const out: Record<string, EventSpec> = {};
  for (const list of lists) {
    for (const [type, spec] of Object.entries(list)) {
      if (out[type]) throw new Error(`Event type ${type} is declared twice`);
      out[type] = spec;
    }
  }
  return out as UnionToIntersection<T[number]>;
}
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

export const EVENTS = mergeEvents(systemEvents, caseEvents, documentEvents, inquiryEvents, ledgerEvents, triageEvents, closureEvents, workspaceEvents, metricsEvents, creditEvents, coercionEvents);

type Catalogue = typeof EVENTS;
export type EventType = keyof Catalogue & string;
/** The payload of one event type, as its schema declares it. */
export type EventPayload<T extends EventType> = z.output<Catalogue[T]['payload']>;
/** Types of the events that belong to a case (caseId set): the ones projections fold. */
export type CaseEventType = { [T in EventType]: Catalogue[T]['scope'] extends 'case' ? T : never }[EventType];
export type CourtEventType = Exclude<EventType, CaseEventType>;

export const EVENT_TYPE_LIST = Object.keys(EVENTS) as EventType[];

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENTS, type);
}

/** One event as `appendEvent` takes it, typed by its type: a case event names its case, a court event none. */
export type NewEventOf<T extends EventType> = {
  type: T;
  payload: EventPayload<T>;
  /** The court-local date the event takes effect on, when it differs from the date it is recorded (e.g. a service date). */
  onDate?: string | undefined;
  caseId: T extends CaseEventType ? number : null;
};

/**
 * The whole catalogue as one schema: `{type, caseId, payload}` discriminated by `type`. A wrong
 * payload, an unknown type, or a case event without its case fails here, before anything is written.
 */
export const eventSchema = z.discriminatedUnion(
  'type',
  EVENT_TYPE_LIST.map((type) => {
    const spec = EVENTS[type] as EventSpec;
    return z.object({
      type: z.literal(type),
      caseId: spec.scope === 'case' ? z.number().int().positive() : z.null(),
      payload: spec.payload,
    });
  }) as unknown as [z.ZodObject<{ type: z.ZodLiteral<string> }>, ...z.ZodObject<{ type: z.ZodLiteral<string> }>[]],
);

export interface EventTypeInfo {
  label: string;
  node?: string;
  /**
   * False for an event on a case that does not change it (a logged viewing, an advisory proposal):
   * it leaves the case's version alone, so it neither refuses another clerk's write as stale nor
   * tells the other clients the case changed (src-main/events/caseVersion.ts).
   */
  changesCase?: false;
}

/** Label, node and whether it changes its case, of every type (the audit trail, the case history, the metrics mapping, case versions). */
export const EVENT_TYPES: Record<EventType, EventTypeInfo> = Object.fromEntries(
  EVENT_TYPE_LIST.map((t) => {
    const spec = EVENTS[t] as EventSpec;
    return [t, { label: spec.label, ...(spec.node !== undefined ? { node: spec.node } : {}), ...(spec.changesCase === false ? { changesCase: false as const } : {}) }];
  }),
) as Record<EventType, EventTypeInfo>;

/** Whether an event of this type changes its case (and so moves the case's version). */
export function changesCase(type: string): boolean {
  return !isEventType(type) || EVENT_TYPES[type].changesCase !== false;
}

export function eventLabel(type: string): string {
  return isEventType(type) ? EVENT_TYPES[type].label : type;
}
