import { describe, expect, it } from 'vitest';
import { payloadSummary, workstationText } from '../../src-renderer/pages/audit/payload';

// The audit views show no code (design rule: Chinese UI only): coded values read in Chinese, text as written.
describe('audit payload text', () => {
  it('shows coded values in Chinese and leaves written text alone', () => {
    const s = payloadSummary('x', { kind: 'realEstate', fields: ['idNumber', 'phone'], reason: '核实身份 ok' });
    expect(s).toContain('不动产');
    expect(s).toContain('身份证号、电话');
    expect(s).toContain('核实身份 ok');
    expect(s).not.toMatch(/realEstate|idNumber|phone/u);
    expect(payloadSummary('cases.revealed', { fields: ['parties.0.idNumber', 'interview.payoutAccount'] })).toBe('查看的字段：身份证号、收款账户');
  });

  it('names the web mode in Chinese and keeps a machine name', () => {
    expect(workstationText('web@127.0.0.1')).toBe('网页端@127.0.0.1');
    expect(workstationText('KAILU-PC07')).toBe('KAILU-PC07');
  });
});
