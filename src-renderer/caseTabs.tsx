import type { ComponentType } from 'react';
import type { MethodOutput } from '../src-shared/api';
import type { Seen } from '../src-shared/api/caseVersions';
import { OverviewTab, PartiesTab, TitleTab, TimelineTab } from './pages/case/FoundationTabs';
import { DocumentsTab } from './pages/case/DocumentsTab';
import { AssetsTab } from './pages/case/AssetsTab';
import { MeasuresTab } from './pages/case/MeasuresTab';
import { LedgerTab } from './pages/case/LedgerTab';
import { ClosureTab } from './pages/case/ClosureTab';
import { DeadlinesTab } from './pages/case/DeadlinesTab';
import { AuditTab } from './pages/case/AuditTab';
import { DocumentDataTab } from './pages/case/DocumentDataTab';
import { CreditTab } from './pages/case/CreditTab';
import { RecordsTab } from './pages/case/RecordsTab';
import { NotesTab } from './pages/case/NotesTab';

export type CaseDetail = MethodOutput<'cases.get'>;
export interface CaseTabProps {
  c: CaseDetail;
  /** What a write of the tab states: the case's version as the clerk has taken notice of it (src-shared/api/caseVersions.ts). */
  seen: Seen;
  /** Reloads the case after the tab changed something. */
  reload: () => void;
}

/**
 * The tabs of the case page (design.md §8). Each domain replaces its `component: null` with its own
 * tab (a file under pages/case/); a null tab says plainly that it is not built yet.
 */
export const CASE_TABS: { key: string; label: string; component: ComponentType<CaseTabProps> | null }[] = [
  { key: 'overview', label: '概况', component: OverviewTab },
  { key: 'parties', label: '当事人', component: PartiesTab },
  { key: 'title', label: '执行依据', component: TitleTab },
  { key: 'documentData', label: '文书要素', component: DocumentDataTab },
  { key: 'documents', label: '文书与送达', component: DocumentsTab },
  { key: 'assets', label: '查控与财产', component: AssetsTab },
  { key: 'measures', label: '措施', component: MeasuresTab },
  { key: 'ledger', label: '案款', component: LedgerTab },
  { key: 'credit', label: '失信与限消', component: CreditTab },
  { key: 'records', label: '笔录', component: RecordsTab },
  { key: 'notes', label: '备注与附件', component: NotesTab },
  { key: 'deadlines', label: '节点期限', component: DeadlinesTab },
  { key: 'closure', label: '结案', component: ClosureTab },
  { key: 'timeline', label: '日志', component: TimelineTab },
  { key: 'audit', label: '审计', component: AuditTab },
];
