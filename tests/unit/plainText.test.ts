import { describe, expect, it } from 'vitest';
import { plainText } from '../../src-shared/plainText';

// What a clerk reads of a rule's source or a method's summary: the law and the court's own rule,
// never the project's file names, library versions or protocol details. Expected texts by hand.

describe('plainText', () => {
  it('keeps the court rule and drops the seed file and the notes section', () => {
    expect(plainText('开鲁法院内部规定：立案之日起3个工作日内（seeds/003，domain.md §3.2）')).toBe('开鲁法院内部规定：立案之日起3个工作日内');
    expect(plainText('开鲁法院内部规定：卷宗移交查控人员后24小时内（seeds/003）')).toBe('开鲁法院内部规定：卷宗移交查控人员后24小时内');
  });

  it('keeps the law in a source that also cites the notes', () => {
    expect(plainText('法发〔2014〕26号第14条；domain.md §4.1')).toBe('法发〔2014〕26号第14条');
    expect(plainText('法发〔2017〕6号：财务部门通知到账之日起30日内发放（domain.md §7 [P]）')).toBe('法发〔2017〕6号：财务部门通知到账之日起30日内发放');
  });

  it('names the holiday notices rather than the library', () => {
    expect(plainText('chinese-days 1.5.7（据国务院办公厅历年部分节假日安排的通知）')).toBe('据国务院办公厅历年部分节假日安排的通知');
  });

  it('drops protocol details and file formats in code', () => {
    expect(plainText('登录，返回会话令牌（请求头 Authorization: Bearer <token>）')).toBe('登录，返回会话令牌');
    expect(plainText('导出查控请求文件（xlsx 或 csv，格式见 docs/inquiries.md）')).toBe('导出查控请求文件（Excel 表格或文本表格）');
    expect(plainText('立即备份数据库（SQLite 在线备份，写入备份文件夹）')).toBe('立即备份数据库（数据库在线备份，写入备份文件夹）');
  });
});
