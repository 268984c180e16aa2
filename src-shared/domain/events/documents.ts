import { z } from 'zod';
import { SERVICE_METHODS } from '../documentKinds';
import { date, defineEvents, id, obj, text } from './define';

// Documents: one event per generated document (a new version names the one it supersedes), the
// posting, and the service that starts the performance period.
export const documentEvents = defineEvents({
  'document.generated': {
    label: '制作文书',
    node: '执行文书',
    scope: 'case',
    payload: obj({
      documentId: id,
      kind: text,
      number: text,
      /** The generation batch (a UUID), null for a single document. */
      batchId: text.nullable(),
      supersedesId: id.optional(),
      version: z.number().int().optional(),
      reason: text.nullable().optional(),
      /** The number printed on it: the case number, or a process ruling's own (执…之一). */
      printedNumber: text.optional(),
      /** The court's wording of the template it was made from (templates.save), 0 for the built-in one. */
      templateVersion: z.number().int().optional(),
      /** The recipient of a per-recipient document (送达回证, 结案通知书). */
      partyId: id.optional(),
    }),
  },
  'document.mailed': { label: '文书交邮', scope: 'case', payload: obj({ documentId: id, kind: text, trackingNumber: text }) },
  'document.served': {
    label: '文书送达',
    node: '发出执行通知',
    scope: 'case',
    payload: obj({ documentId: id, kind: text, method: z.enum(SERVICE_METHODS), trackingNumber: text.optional(), recipient: text.optional(), publishedOn: date.optional() }),
  },
});
