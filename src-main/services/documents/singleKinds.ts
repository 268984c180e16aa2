import { NOTICE_SET_DEFAULT, type DocumentKind } from '../../../src-shared/domain/documentKinds';

/** Kinds a case holds one current copy of; a second one supersedes the first (and needs a reason). */
export const SINGLE_KINDS: readonly DocumentKind[] = [...NOTICE_SET_DEFAULT, '执行案件受理通知书', '执行风险告知书', '送达回证', '初次接待笔录'];
