import { resolve } from 'node:path';
import { App } from '../app/app';
import { DEFAULT_DEMO_OPTIONS, runDemo } from '../demo/run';
import type { DemoShape } from '../demo/shape';
import { formatYuan } from '../../src-shared/domain/money';
import { parseArgs } from './args';

// `npm run demo -- --data <dir> [--seed N] [--years 2022-2026] [--cases-per-year 4000] [--admin-password p]`
// Fills a new, empty data folder with the demo court (开鲁县人民法院): settings, staff and cases.
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { data: 'string', seed: 'string', years: 'string', 'cases-per-year': 'string', 'admin-password': 'string', password: 'string' });
  if (typeof args.data !== 'string') throw new Error('请用 --data <文件夹> 指定数据文件夹（必须是新的空文件夹）');
  const seed = Number(args.seed ?? DEFAULT_DEMO_OPTIONS.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`--seed 应为非负整数：${String(args.seed)}`);
  const years = /^(\d{4})(?:-(\d{4}))?$/.exec(String(args.years ?? `${DEFAULT_DEMO_OPTIONS.fromYear}-${DEFAULT_DEMO_OPTIONS.toYear}`));
  if (!years) throw new Error(`--years 应为 2022-2026 这样的年份范围：${String(args.years)}`);
  const perYear = Number(args['cases-per-year'] ?? DEFAULT_DEMO_OPTIONS.casesPerYear);
  if (!Number.isInteger(perYear) || perYear < 1 || perYear > 50_000) throw new Error('--cases-per-year 应为 1–50000 的整数');
  const dataDir = resolve(args.data);
  const app = new App({ dataDir, mode: 'web', quiet: true, ...(typeof args['admin-password'] === 'string' ? { adminPassword: args['admin-password'] } : {}) });
  const started = performance.now();
  let lastLine = '';
  try {
    const result = await runDemo(
      app,
      {
        seed,
        fromYear: Number(years[1]),
        toYear: Number(years[2] ?? years[1]),
        casesPerYear: perYear,
        password: typeof args.password === 'string' ? args.password : DEFAULT_DEMO_OPTIONS.password,
      },
      {
        progress: (message, done, total) => {
          const line = done !== undefined && total ? `${message} ${done}/${total}` : message;
          if (line !== lastLine) process.stdout.write(`  ${line}\n`);
          lastLine = line;
        },
      },
    );
    const s = result.summary as { filing?: { cases: number; claimFen: number; byYear: Record<string, Record<string, number>> }; users?: { count: number; password: string } };
    console.log(`\n演示数据已写入 ${dataDir}（种子 ${seed}，${result.years[0]}–${result.years[1]} 年，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒）`);
    for (const st of result.steps) console.log(`  ${st.label}：${st.skipped ?? `${st.ms} ms`}`);
    if (s.filing) {
      console.log(`  案件 ${s.filing.cases} 件，申请执行标的合计 ${formatYuan(s.filing.claimFen)} 元`);
      for (const [y, c] of Object.entries(s.filing.byYear)) console.log(`    ${y} 年：${Object.entries(c).map(([t, n]) => `${t} ${n}`).join('，')}`);
    }
    const pl = result.summary.pipeline as { closures: Record<string, number>; receipts: number; payouts: number; triaged: number; assigned: number; inquiryBatches: number; measures: number; reviews: number; noticeDocuments: number; closureDocuments: number; requeryBatches: number; requeryRounds: number; requeryFound: number; requeryNotices: number } | undefined;
    if (pl) {
      const closed = Object.values(pl.closures).reduce((a, b) => a + b, 0);
      console.log(`  结案 ${closed} 件：${Object.entries(pl.closures).sort((a, b) => b[1] - a[1]).map(([m, n]) => `${m} ${n}`).join('，')}`);
      console.log(`  查控批次 ${pl.inquiryBatches} 个，控制措施 ${pl.measures} 项，繁简分流 ${pl.triaged} 件，分案 ${pl.assigned} 件，到账 ${pl.receipts} 笔，发放 ${pl.payouts} 笔，终本评查 ${pl.reviews} 件`);
      console.log(`  电子文书：通知文书 ${pl.noticeDocuments} 份、结案文书 ${pl.closureDocuments} 份（其余为纸质卷宗，未生成文件）`);
      console.log(`  终本复查：${pl.requeryBatches} 批、${pl.requeryRounds} 案次（发现财产 ${pl.requeryFound} 案次），查询结果告知书电子文书 ${pl.requeryNotices} 份`);
    }
    const shape = result.summary.shape as DemoShape | undefined;
    if (shape) {
      for (const [y, f] of Object.entries(shape.years)) console.log(`  ${y} 年：执结率 ${f.closureRatePct ?? '—'}%，首执平均用时 ${f.firstAvgDays ?? '—'} 天，一季度执结率 ${f.firstQuarterClosureRatePct ?? '—'}%`);
      console.log(`  对照开鲁公布数据：${shape.matched.join('；')}`);
      for (const n of shape.notMatched) console.log(`  不追求一致：${n.figure}。${n.why}`);
    }
    if (s.users) console.log(`  用户 ${s.users.count} 个，演示密码：${s.users.password}（管理员 admin 的密码${args['admin-password'] ? '已按 --admin-password 设置' : '在首次启动时设置'}）`);
    console.log(JSON.stringify({ event: 'demo', seed, steps: result.steps, summary: result.summary }));
  } finally {
    await app.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
