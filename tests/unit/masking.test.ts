import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { maskAccount, maskAssetIdentifier, maskBirthDate, maskIdCode, maskIdNumber, maskPhone, maskText } from '../../src-shared/domain/masking';
import { applyMasks, masked, maskPlan } from '../../src-shared/api/masked';

// The mask rules of API answers (个人信息保护法 Art. 51 去标识化; patterns as GB/T 35273's examples):
// the expected strings are written out by hand, not computed with the rule under test.

describe('mask rules', () => {
  it('keeps the region and last four of an ID, the carrier and last four of a phone, the last four of an account', () => {
    expect(maskIdNumber('15052319800101001X')).toBe('150523********001X');
    expect(maskPhone('13912345678')).toBe('139****5678');
    expect(maskAccount('6222 0212 3456 7890')).toBe('************7890');
    expect(maskBirthDate('1980-01-01')).toBe('****-**-**');
  });

  it('masks a person’s ID code but keeps an organisation’s credit code (public register data)', () => {
    expect(maskIdCode('150523198001010018')).toBe('150523********0018');
    expect(maskIdCode('91150523MA0N12345X')).toBe('91150523MA0N12345X');
  });

  it('masks account-type asset identifiers and long digit runs in register numbers, keeps plates', () => {
    expect(maskAssetIdentifier('6228480000000000111', 'deposit')).toBe('***************0111');
    expect(maskAssetIdentifier('13912345678', 'payment')).toBe('*******5678');
    expect(maskAssetIdentifier('蒙G·12345', 'vehicle')).toBe('蒙G·12345');
    expect(maskAssetIdentifier('蒙（2026）开鲁县不动产权第0001234号', 'realEstate')).toBe('蒙（2026）开鲁县不动产权第0001234号');
    expect(maskAssetIdentifier('6228480000000000111', undefined)).toBe('***************0111');
  });

  it('masks identifiers quoted in free text, not amounts, dates or case numbers', () => {
    expect(maskText('银行存款 中国银行开鲁支行 6216618505644846611 104.29元')).toBe('银行存款 中国银行开鲁支行 ***************6611 104.29元');
    expect(maskText('6222 0206 0000 1234 104.29元')).toBe('************1234 104.29元');
    expect(maskText('身份证 15052319800101001X 电话 13912345678')).toBe('身份证 **************001X 电话 *******5678');
    expect(maskText('2026-11-20 （2026）内0523执123号 余额 35000.50元')).toBe('2026-11-20 （2026）内0523执123号 余额 35000.50元');
  });
});

describe('masks from the output schema', () => {
  it('finds marked fields through objects, lists, nullables and unions, and copies instead of changing the answer', () => {
    const schema = z.object({
      rows: z.array(z.object({ type: z.string(), identifier: masked('assetIdentifier', z.string()) })),
      party: z.object({ phone: masked('phone', z.string()).nullable() }).nullable(),
      plain: z.string(),
    });
    const plan = maskPlan(schema);
    const answer = { rows: [{ type: 'deposit', identifier: '6228480000000000111' }, { type: 'vehicle', identifier: '蒙G12345' }], party: { phone: '13912345678' }, plain: '13912345678' };
    const out = applyMasks(answer, plan) as typeof answer;
    expect(out).toEqual({ rows: [{ type: 'deposit', identifier: '***************0111' }, { type: 'vehicle', identifier: '蒙G12345' }], party: { phone: '139****5678' }, plain: '13912345678' });
    expect(answer.rows[0]!.identifier).toBe('6228480000000000111');
    expect(maskPlan(z.object({ a: z.string() }))).toBeNull();
  });

  it('masks event payloads by field name and scrubs their text, keeping references', () => {
    const plan = maskPlan(z.object({ payload: masked('payload', z.unknown()) }));
    const payload = {
      idNumber: '150523198001010018',
      payeeAccount: '6228480000000000001',
      note: '收款账号 6228480000000000001',
      amountFen: 100,
      findings: [{ type: 'deposit', identifier: '6217009999888877776' }, { type: 'vehicle', identifier: '蒙G12345' }],
      // A UUID whose groups happen to be digits is a reference, not an account.
      batchId: '12345678-1234-1234-1234-123456789012',
    };
    expect(applyMasks({ payload }, plan)).toEqual({
      payload: { ...payload, idNumber: '150523********0018', payeeAccount: '***************0001', note: '收款账号 ***************0001', findings: [{ type: 'deposit', identifier: '***************7776' }, { type: 'vehicle', identifier: '蒙G12345' }] },
    });
  });
});
