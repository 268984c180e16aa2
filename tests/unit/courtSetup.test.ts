import { describe, expect, it } from 'vitest';
import { courtCodeProblem, isValidCourtCode } from '../../src-shared/domain/caseNumber';
import { setupInput } from '../../src-shared/domain/courtSetup';

// Court codes (法院代字) per domain.md §1.2 (《各级法院代字表》, 法〔2015〕137号): 最高法; a province
// abbreviation alone (high court, 内 for Inner Mongolia, 军, 兵); +2 digits (intermediate court);
// +4 digits (basic court, last 4 digits of the county code: Kailu 150523 → 内0523). The expected
// values are the table's examples, written out by hand.

describe('court code rule (domain.md §1.2)', () => {
  it.each(['最高法', '湘', '内', '军', '兵', '粤07', '湘01', '内0523', '粤0703', '黔0102'])('accepts %s', (code) => {
    expect(courtCodeProblem(code)).toBeNull();
    expect(isValidCourtCode(code)).toBe(true);
  });

  it('accepts the code typed with full-width digits or spaces (normalised as case numbers are)', () => {
    expect(courtCodeProblem('内０５２３')).toBeNull();
    expect(courtCodeProblem(' 内 0523 ')).toBeNull();
  });

  it('refuses 蒙 for Inner Mongolia, naming the field and the right abbreviation', () => {
    expect(courtCodeProblem('蒙0523')).toBe('法院代字有误：内蒙古应为“内”（如 内0523）');
  });

  it('refuses a code that does not start with a province abbreviation', () => {
    expect(courtCodeProblem('0523')).toBe('法院代字有误：应以省级简称开头（如 内、粤、黔）或为“最高法”');
    expect(courtCodeProblem('开鲁')).toBe('法院代字有误：应以省级简称开头（如 内、粤、黔）或为“最高法”');
  });

  it('refuses 1, 3, 5 or 6 digits (only 2 for an intermediate, 4 for a basic court)', () => {
    expect(courtCodeProblem('内5')).toBe('法院代字有误：省级简称后应为2位数字（中级法院）或4位数字（基层法院），现为1位');
    expect(courtCodeProblem('内052')).toBe('法院代字有误：省级简称后应为2位数字（中级法院）或4位数字（基层法院），现为3位');
    expect(courtCodeProblem('内150523')).toBe('法院代字有误：省级简称后应为2位数字（中级法院）或4位数字（基层法院），现为6位');
  });

  it('refuses letters after the abbreviation and an empty code', () => {
    expect(courtCodeProblem('内05a3')).toBe('法院代字有误：省级简称后只能是数字');
    expect(courtCodeProblem('')).toBe('法院代字不能为空');
  });
});

describe('first-run setup input', () => {
  const base = { adminPassword: 'admin-pass-1', court: { name: '开鲁县人民法院', code: '内0523' } };
  const firstMessage = (input: unknown) => {
    const r = setupInput.safeParse(input);
    return r.success ? null : { path: r.error.issues[0]!.path.join('.'), message: r.error.issues[0]!.message };
  };

  it('accepts the court alone and defaults teams and users to none', () => {
    const r = setupInput.parse(base);
    expect(r.court).toEqual({ name: '开鲁县人民法院', code: '内0523' });
    expect(r.teams).toEqual([]);
    expect(r.users).toEqual([]);
  });

  it('normalises the court code as typed', () => {
    expect(setupInput.parse({ ...base, court: { name: '开鲁县人民法院', code: ' 内０５２３' } }).court.code).toBe('内0523');
  });

  it('names the court code field in Chinese when the code is wrong', () => {
    expect(firstMessage({ ...base, court: { name: '开鲁县人民法院', code: '蒙0523' } })).toEqual({ path: 'court.code', message: '法院代字有误：内蒙古应为“内”（如 内0523）' });
  });

  it('names the missing court name and refuses a name that is not a court', () => {
    expect(firstMessage({ ...base, court: { name: '  ', code: '内0523' } })).toEqual({ path: 'court.name', message: '法院名称不能为空' });
    expect(firstMessage({ ...base, court: { name: '开鲁县', code: '内0523' } })).toEqual({ path: 'court.name', message: '法院名称应以“法院”结尾，如 开鲁县人民法院' });
    expect(firstMessage({ adminPassword: 'admin-pass-1' })).toEqual({ path: 'court', message: '请填写本院的法院名称和法院代字' });
  });

  it('requires an administrator password of 8 characters', () => {
    expect(firstMessage({ ...base, adminPassword: 'short' })).toEqual({ path: 'adminPassword', message: '管理员密码至少8位' });
  });

  it('refuses duplicate teams, a user named admin and a user of a team that is not there', () => {
    expect(firstMessage({ ...base, teams: [{ name: '东来法庭' }, { name: '东来法庭' }] })).toEqual({ path: 'teams.1.name', message: '团队名称“东来法庭”重复' });
    const user = { username: 'admin', displayName: '张三', password: 'password-1', roles: ['window'] };
    expect(firstMessage({ ...base, users: [user] })).toEqual({ path: 'users.0.username', message: '用户名“admin”重复或已被系统管理员使用' });
    expect(firstMessage({ ...base, users: [{ ...user, username: 'zhangsan', team: 0 }] })).toEqual({ path: 'users.0.team', message: '用户“张三”所属团队不存在' });
    expect(firstMessage({ ...base, users: [{ ...user, username: 'zhangsan', roles: [] }] })).toEqual({ path: 'users.0.roles', message: '至少选择一个角色' });
  });

  it('keeps the towns of each team', () => {
    const r = setupInput.parse({ ...base, teams: [{ name: '东来法庭', towns: ['东来镇', '大榆树镇'] }] });
    expect(r.teams).toEqual([{ name: '东来法庭', kind: 'tribunal', towns: ['东来镇', '大榆树镇'] }]);
  });
});
