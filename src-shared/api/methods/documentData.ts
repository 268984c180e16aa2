import { z } from 'zod';
import { defineMethods } from '../contract';
import { seen } from '../caseVersions';
import { fileContent, id, requiredText, shortText, uploadBodyBytes } from '../common';
import { caseAccountView } from './cases';
import { DOCUMENT_KINDS } from '../../domain/documentKinds';

// The data the court's documents need beyond filing: the case accounts a bank issues (一案一账号),
// and the administrator's wording of each template (versioned; each document records its version).

const kind = z.enum(DOCUMENT_KINDS, { error: '文书种类无效' });

/** A bank's list of case sub-accounts: at most 2 MB (20,000 rows of case number, account, name, bank). */
export const CASE_ACCOUNT_LIST_BYTES = 2 * 1024 * 1024;

export const templateDetailView = z.object({
  kind: z.string(),
  summary: z.string(),
  /** The current wording version (0 = the built-in wording). */
  version: z.number().int(),
  passages: z.array(z.object({ key: z.string(), label: z.string(), builtIn: z.string(), text: z.string() })),
  placeholders: z.array(z.object({ name: z.string(), meaning: z.string() })),
  versions: z.array(z.object({ version: z.number().int(), note: z.string().nullable(), createdAt: z.string(), createdBy: z.string(), keys: z.array(z.string()) })),
});

const texts = z.record(z.string().max(50), z.string().max(4000, '一段措辞不超过4000字')).refine((t) => Object.keys(t).length <= 100, '措辞段落过多');

export const documentDataMethods = defineMethods({
  'caseAccounts.set': {
    summary: '登记或更改案件的案款账户（一案一账号）：银行为本案开立的子账号、开户行与户名',
    input: z.object({
      caseId: id,
      bank: requiredText('开户银行', 100),
      accountName: requiredText('户名', 100),
      accountNumber: requiredText('账号', 60),
      seen,
    }),
    output: caseAccountView,
    access: ['money', 'docsQuery'],
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: 'seen',
  },
  'caseAccounts.import': {
    summary: '导入银行的案件子账号清单（xlsx/csv，按案号匹配；任一行有误则整份拒绝，并列出行号与列名）',
    input: z.object({
      fileName: z.string().trim().min(1, '文件名不能为空').max(255),
      /** The file's bytes, base64; at most 2 MB decoded (a bank's list of one year's cases is far smaller). */
      contentBase64: fileContent(CASE_ACCOUNT_LIST_BYTES),
      /** The bank, when the list has no 开户行 column. */
      bank: shortText(100).optional(),
      /** The account name, when the list has no 户名 column. */
      accountName: shortText(100).optional(),
    }),
    output: z.object({ importId: z.number().int(), rows: z.number().int() }),
    access: ['money'],
    maxBodyBytes: uploadBodyBytes(CASE_ACCOUNT_LIST_BYTES),
    fileFields: ['contentBase64'],
    cases: 'court',
    errors: ['conflict'],
    writes: true,
    versions: { exempt: '导入银行开立的案件子账号清单，以银行的文件为准，不依据案件页面所见' },
  },
  'templates.list': {
    summary: '文书模板及其当前措辞版本（系统管理员）',
    input: z.object({}).default({}),
    output: z.array(z.object({ kind: z.string(), summary: z.string(), version: z.number().int() })),
    access: ['admin'],
    cases: 'none',
  },
  'templates.get': {
    summary: '一种文书的可编辑措辞、可用占位符与历史版本（系统管理员）',
    input: z.object({ kind }),
    output: templateDetailView,
    access: ['admin'],
    cases: 'none',
  },
  'templates.save': {
    summary: '保存文书措辞为新版本（占位符须为该模板可用的；此后制作的文书记录所用版本）',
    input: z.object({ kind, texts, note: shortText(200).optional() }),
    output: templateDetailView,
    access: ['admin'],
    cases: 'none',
    errors: ['invalid_input'],
    writes: true,
  },
  'templates.preview': {
    summary: '以真实案件预览文书（可带未保存的措辞）：生成 PDF，不登记、不编号',
    input: z.object({ kind, caseId: id, texts: texts.optional() }),
    output: z.object({ opened: z.string() }),
    access: ['admin'],
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found', 'conflict', 'invalid_input'],
  },
});
