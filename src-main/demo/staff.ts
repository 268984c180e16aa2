import type { Role } from '../../src-shared/api/roles';
import { createUser } from '../services/auth/users';
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
    });
    ctx.summary.users = { count: STAFF.length, judges: STAFF.filter((s) => s.post.includes('法官')).length, password: ctx.options.password };
  },
};
