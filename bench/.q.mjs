import Database from 'better-sqlite3';
const db = new Database('/tmp/zhixing.sqlite', { readonly: true });
const cols = 'id,number,type,stage,filed_on,applicant_names,debtor_names,claim_fen,team_id,judge_id,closed_on,demo,version';
const team = db.prepare("SELECT team_id FROM cases WHERE team_id IS NOT NULL GROUP BY team_id LIMIT 1").get().team_id;
const sorts = ['id DESC', 'filed_on DESC, id DESC', 'claim_fen DESC, id DESC', 'number ASC, id DESC'];
const filters = ['1', "stage IN ('team')", "stage IN ('closed')", "stage IN ('filed')", "type = '执'", `team_id = '${team}'`, `team_id = '${team}' AND stage IN ('closed')`];
const res = [];
for (const f of filters) for (const s of sorts) for (const off of [0, 200]) {
  for (const [label, c] of [['all', '*'], ['cols', cols]]) {
    const q = db.prepare(`SELECT ${c} FROM cases WHERE ${f} ORDER BY ${s} LIMIT 100 OFFSET ${off}`);
    for (let i = 0; i < 10; i++) q.all();
    const t = process.hrtime.bigint();
    for (let i = 0; i < 50; i++) q.all();
    res.push([f, s, off, label, Number(process.hrtime.bigint() - t) / 50 / 1e6]);
  }
}
res.sort((a, b) => b[4] - a[4]);
for (const r of res.slice(0, 25)) console.log(r[4].toFixed(3), r[3], r[0], '|', r[1], r[2]);
console.log('mean all', (res.filter(r=>r[3]==='all').reduce((a,r)=>a+r[4],0)/res.length*2).toFixed(3), 'mean cols', (res.filter(r=>r[3]==='cols').reduce((a,r)=>a+r[4],0)/res.length*2).toFixed(3));
