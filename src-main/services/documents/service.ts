import type { Db } from '../../db/connection';
import { appendEvent, type Actor } from '../../events/log';
import { ApiError } from '../../../src-shared/api/errors';
import { addCalendarDays } from '../../../src-shared/domain/chineseDate';
import { EMS_TRACKING_REGEX, PUBLICATION_DEEMED_DAYS, type ServiceMethod } from '../../../src-shared/domain/documentKinds';
import type { ServiceItem } from '../../../src-shared/api/methods/documents';

// Service (送达) records, one or thousands at once (a pasted list of EMS numbers and signing dates).
// The service date is the signing date on the 送达回证 (民诉法 2023 Art. 87); for 公告送达 the document
// is deemed served 30 days after publication (Art. 95). A mailing is recorded first with its tracking
// number (Art. 91 邮寄送达; the return receipt's date is the service date) and completed later by that
// number. All rows or none: a list with one bad line is refused with every problem listed.

type Item = { documentId?: number | undefined; method?: ServiceMethod | undefined; servedOn?: string | undefined; trackingNumber?: string | undefined; recipient?: string | undefined; note?: string | undefined };
interface Problem {
  row: number;
  field: string;
  reason: string;
}

export function markServed(db: Db, actor: Actor, at: Date, today: string, items: Item[] | ServiceItem[]): { updated: number; served: number; mailed: number } {
  return db.tx(() => {
    const problems: Problem[] = [];
    const plans: (() => 'served' | 'mailed')[] = [];
    const seen = new Set<number>();
    (items as Item[]).forEach((it, row) => {
      const bad = (field: string, reason: string) => problems.push({ row, field: `items.${row}.${field}`, reason });
      const tracking = it.trackingNumber?.replace(/\s+/g, '') || undefined;
      let doc = it.documentId !== undefined ? db.get(db.q.selectFrom('documents').selectAll().where('id', '=', it.documentId)) : undefined;
      if (it.documentId !== undefined && !doc) return bad('documentId', `文书不存在（编号 ${it.documentId}）`);
      if (!doc) {
        if (!tracking) return bad('documentId', '请指定文书，或填写交邮时登记的邮件单号');
        doc = db.get(db.q.selectFrom('documents').selectAll().where('tracking_number', '=', tracking));
        if (!doc) return bad('trackingNumber', `邮件单号 ${tracking} 没有对应的交邮登记`);
      }
      if (seen.has(doc.id)) return bad('documentId', `${doc.number} 在本次登记中重复出现`);
      seen.add(doc.id);
      if (doc.status !== 'current') return bad('documentId', `${doc.number} 已被新版本取代，请登记新版本的送达`);
      if (doc.served_on) return bad('documentId', `${doc.number} 已于 ${doc.served_on} 送达`);
      const method = it.method ?? (doc.service_method as ServiceMethod | null) ?? (tracking ? '邮寄送达' : undefined);
      if (!method) return bad('method', '请选择送达方式');
      if (method === '邮寄送达') {
        const t = tracking ?? doc.tracking_number;
        if (!t) return bad('trackingNumber', '邮寄送达须填写邮件单号');
        if (!EMS_TRACKING_REGEX.test(t)) return bad('trackingNumber', `邮件单号格式不正确：${t}（应为13位数字或如 EA123456789CN）`);
        if (doc.tracking_number && doc.tracking_number !== t) return bad('trackingNumber', `${doc.number} 已登记邮件单号 ${doc.tracking_number}`);
        if (!doc.tracking_number) {
          const other = db.get(db.q.selectFrom('documents').select('number').where('tracking_number', '=', t).where('id', '!=', doc.id));
          if (other) return bad('trackingNumber', `邮件单号 ${t} 已用于 ${other.number}`);
        }
      } else if (tracking) return bad('trackingNumber', `${method}不填写邮件单号`);
      if (it.servedOn) {
        if (it.servedOn > today) return bad('servedOn', `送达日期 ${it.servedOn} 晚于今天`);
        if (it.servedOn < doc.issued_on) return bad('servedOn', `送达日期 ${it.servedOn} 早于文书制作日期 ${doc.issued_on}`);
      } else if (method !== '邮寄送达') return bad('servedOn', '请填写送达日期');
      const d = doc;
      plans.push(() => {
        const mailedNow = method === '邮寄送达' && !d.tracking_number;
        const t = method === '邮寄送达' ? (tracking ?? d.tracking_number) : null;
        const effective = it.servedOn ? (method === '公告送达' ? addCalendarDays(it.servedOn, PUBLICATION_DEEMED_DAYS) : it.servedOn) : null;
        db.run(
          db.q
            .updateTable('documents')
            .set({
              service_method: method,
              tracking_number: t,
              mailed_on: mailedNow ? today : d.mailed_on,
              published_on: method === '公告送达' ? (it.servedOn ?? null) : null,
              served_on: effective,
              recipient: it.recipient ?? d.recipient,
              service_note: it.note ?? d.service_note,
              service_recorded_at: at.toISOString(),
              service_recorded_by: actor.name,
            })
            .where('id', '=', d.id),
        );
        if (mailedNow && t) appendEvent(db, actor, at, { caseId: d.case_id, type: 'document.mailed', payload: { documentId: d.id, kind: d.kind, trackingNumber: t } });
        if (!effective) return 'mailed';
        appendEvent(db, actor, at, {
          caseId: d.case_id,
          type: 'document.served',
          onDate: effective,
          payload: { documentId: d.id, kind: d.kind, method, ...(t ? { trackingNumber: t } : {}), ...(it.recipient ? { recipient: it.recipient } : {}), ...(method === '公告送达' ? { publishedOn: it.servedOn } : {}) },
        });
        return 'served';
      });
    });
    if (problems.length > 0) {
      const first = problems[0]!;
      throw new ApiError('invalid_input', problems.length === 1 ? first.reason : `${problems.length} 行有误，未登记任何送达：第${first.row + 1}行 ${first.reason}`, first.field, { rows: problems.map((p) => ({ row: p.row + 1, column: p.field.split('.').pop(), reason: p.reason })) });
    }
    let served = 0;
    let mailed = 0;
    for (const run of plans) (run() === 'served' ? served++ : mailed++);
    return { updated: plans.length, served, mailed };
  });
}

/** Parses a pasted list: one line per mail item, "<tracking number> <date>" (tab, comma or spaces; date YYYY-MM-DD, YYYY/M/D or YYYYMMDD). */
export { parseTrackingList } from '../../../src-shared/domain/trackingList';
