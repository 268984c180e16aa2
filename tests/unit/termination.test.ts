import { describe, expect, it } from 'vitest';
import { terminationGround, terminationItemOf } from '../../src-shared/domain/closure';

// 终结执行 grounds: 民事诉讼法（2023）第二百六十八条, items (一)–(六); the wording below is copied from
// ../shared/laws/民事诉讼法(2023-09-01).md, not from the code.
describe('terminationGround (民诉法 2023 Art. 268)', () => {
  it('takes the item’s wording and appends the particulars', () => {
    expect(terminationGround(1, '')).toEqual({ ok: true, ground: '申请人撤销申请', groundItem: 1 });
    expect(terminationGround(3, ' 被执行人于2026年2月3日死亡 ')).toEqual({ ok: true, ground: '作为被执行人的公民死亡，无遗产可供执行，又无义务承担人：被执行人于2026年2月3日死亡', groundItem: 3 });
    expect(terminationGround(5, '')).toMatchObject({ ok: true, groundItem: 5, ground: '作为被执行人的公民因生活困难无力偿还借款，无收入来源，又丧失劳动能力' });
  });

  it('refuses a missing or unknown item, and item (六) without its particulars, naming the field', () => {
    expect(terminationGround(null, '撤回')).toMatchObject({ ok: false, field: 'groundItem' });
    expect(terminationGround(0, '')).toMatchObject({ ok: false, field: 'groundItem' });
    expect(terminationGround(7, '')).toMatchObject({ ok: false, field: 'groundItem' });
    const other = terminationGround(6, '  ');
    expect(other).toMatchObject({ ok: false, field: 'ground' });
    expect(other.ok ? '' : other.message).toContain('其他情形');
    expect(terminationGround(6, '申请执行人与被执行人达成和解并已另案处理')).toEqual({ ok: true, ground: '人民法院认为应当终结执行的其他情形：申请执行人与被执行人达成和解并已另案处理', groundItem: 6 });
  });

  it('reads the item back from a ground written in an item’s words', () => {
    expect(terminationItemOf('申请人撤销申请')).toBe(1);
    expect(terminationItemOf('据以执行的法律文书被撤销：（2025）内0523民再3号')).toBe(2);
    expect(terminationItemOf('追索赡养费、扶养费、抚养费案件的权利人死亡')).toBe(4);
    expect(terminationItemOf('双方和解')).toBeUndefined();
    expect(terminationItemOf(undefined)).toBeUndefined();
  });
});
