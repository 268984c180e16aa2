import type { Role } from '../../src-shared/api/roles';
import { createUser } from '../services/auth/users';
import { getSettings, setSettings } from '../services/settings/settings';
import { officeTime, type DemoStep } from './steps';

interface StaffMember {
  username: string;
  displayName: string;
  roles: Role[];
  teamId: string | null;
  post: string;
}

/**
 * The enforcement bureau of the demo: ten quota judges (员额法官) — the bureau chief, the fast-track
 * judge and one per tribunal team (domain.md §8: 10 judges, 8 tribunals) — and the clerks of the
 * command centre's groups. A fixed roster, so a demo login is the same whatever the seed.
 */
export const STAFF: readonly StaffMember[] = [
  { username: 'wangzhigang', displayName: '王志刚', roles: ['management'], teamId: 'centre', post: '执行局局长（员额法官）' },
  { username: 'liuhaifeng', displayName: '刘海峰', roles: ['fastTrack'], teamId: 'fast', post: '快执团队法官' },
  { username: 'zhangjianjun', displayName: '张建军', roles: ['team'], teamId: 'kailu', post: '开鲁法庭执行法官' },
  { username: 'lixiaodong', displayName: '李晓东', roles: ['team'], teamId: 'dongfeng', post: '东风法庭执行法官' },
  { username: 'baotemuer', displayName: '包特木尔', roles: ['team'], teamId: 'dayushu', post: '大榆树法庭执行法官' },
  { username: 'gaoyumei', displayName: '高玉梅', roles: ['team'], teamId: 'heilongba', post: '黑龙坝法庭执行法官' },
  { username: 'sunpeng', displayName: '孙鹏', roles: ['team'], teamId: 'maixin', post: '麦新法庭执行法官' },
  { username: 'hanwulan', displayName: '韩乌兰', roles: ['team'], teamId: 'yihetala', post: '义和塔拉法庭执行法官' },
  { username: 'yuqiang', displayName: '于强', roles: ['team'], teamId: 'jianhua', post: '建华法庭执行法官' },
  { username: 'guolihua', displayName: '郭丽华', roles: ['team'], teamId: 'xiaojieji', post: '小街基法庭执行法官' },
  { username: 'zhaoli', displayName: '赵丽', roles: ['window'], teamId: 'centre', post: '初次接待窗口' },
  { username: 'sunjia', displayName: '孙佳', roles: ['window'], teamId: 'centre', post: '初次接待窗口' },
  { username: 'chenxiaodong', displayName: '陈晓东', roles: ['docsQuery'], teamId: 'centre', post: '文书制作及网络查控组' },
  { username: 'yangfan', displayName: '杨帆', roles: ['docsQuery'], teamId: 'centre', post: '文书制作及网络查控组' },
  { username: 'zhoumin', displayName: '周敏', roles: ['money'], teamId: 'centre', post: '案款专员' },
  { username: 'wuguilan', displayName: '吴桂兰', roles: ['zhongben'], teamId: 'centre', post: '终本案件管控组' },
  { username: 'zhengyu', displayName: '郑宇', roles: ['management'], teamId: 'centre', post: '综合管理组' },
  { username: 'malina', displayName: '马丽娜', roles: ['fastTrack'], teamId: 'fast', post: '快执团队书记员' },
  // The clerks (书记员) who sign rulings with the judges (民诉法 Art. 157): the command centre's and one per tribunal team.
  { username: 'liuyang', displayName: '刘洋', roles: ['docsQuery'], teamId: 'centre', post: '指挥中心书记员' },
  { username: 'wangjing', displayName: '王静', roles: ['docsQuery'], teamId: 'kailu', post: '开鲁法庭书记员' },
  { username: 'zhaoyan', displayName: '赵艳', roles: ['docsQuery'], teamId: 'dongfeng', post: '东风法庭书记员' },
  { username: 'wuritu', displayName: '乌日图', roles: ['docsQuery'], teamId: 'dayushu', post: '大榆树法庭书记员' },
  { username: 'lihong', displayName: '李红', roles: ['docsQuery'], teamId: 'heilongba', post: '黑龙坝法庭书记员' },
  { username: 'zhangli', displayName: '张丽', roles: ['docsQuery'], teamId: 'maixin', post: '麦新法庭书记员' },
  { username: 'saren', displayName: '萨仁', roles: ['docsQuery'], teamId: 'yihetala', post: '义和塔拉法庭书记员' },
  { username: 'chenlei', displayName: '陈磊', roles: ['docsQuery'], teamId: 'jianhua', post: '建华法庭书记员' },
  { username: 'sunli', displayName: '孙莉', roles: ['docsQuery'], teamId: 'xiaojieji', post: '小街基法庭书记员' },
];

/** Step 2: the staff as users with their roles and teams (every demo user has the same password). */
export const staffStep: DemoStep = {
  id: 'staff',
  label: '干警与书记员账号',
  async run(ctx) {
    const at = officeTime(`${ctx.options.fromYear}-01-01`, 5);
    // Hashed off the thread first (each user their own salt), then written in one transaction.
    const hashes = await Promise.all(STAFF.map(() => ctx.app.passwords.hash(ctx.options.password)));
    ctx.db.tx(() => {
      for (const [i, s] of STAFF.entries()) {
        const u = createUser(ctx.db, ctx.admin, at, { username: s.username, displayName: s.displayName, passwordHash: hashes[i]!, roles: s.roles, teamId: s.teamId });
        ctx.users.push({ id: u.id, name: u.displayName, workstation: 'demo', username: u.username, roles: u.roles, teamId: u.teamId });
      }
      // Who signs each team's rulings: its judge and its clerk; the centre's for cases not yet handed to a team.
      const idOf = (post: (p: string) => boolean, teamId: string) => ctx.users.find((u) => u.teamId === teamId && post(STAFF.find((s) => s.username === u.username)!.post))?.id ?? null;
      const teams = getSettings(ctx.db).teams.map((t) => ({
        ...t,
        judgeId: t.id === 'centre' ? idOf((p) => p.includes('局长'), 'centre') : idOf((p) => p.includes('法官'), t.id),
        clerkId: idOf((p) => p.includes('书记员'), t.id),
      }));
      setSettings(ctx.db, ctx.admin, at, { teams });
    });
    ctx.summary.users = { count: STAFF.length, judges: STAFF.filter((s) => s.post.includes('法官')).length, password: ctx.options.password };
  },
};
