import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { proposeTrack, triageSettings } from '../../src-shared/domain/triage';
import { distribute, matchJurisdiction, type DistJudge, type DistTeam } from '../../src-shared/domain/distribution';

const s = triageSettings.parse({});

describe('triage proposal rules (繁简分流, seeds/003)', () => {
  it('simple when controlled liquid money covers what is still owed', () => {
    const p = proposeTrack({ outstandingFen: 100_000, liquidControlledFen: 100_000, saleAssets: [], anythingFound: true }, s);
    expect(p).toMatchObject({ track: 'simple', rule: 'liquidCovers' });
    expect(p.reason).toContain('1000.00');
  });
  it('complex when only part is covered, when property must be sold, or when nothing was found', () => {
    expect(proposeTrack({ outstandingFen: 100_000, liquidControlledFen: 99_999, saleAssets: [], anythingFound: true }, s).rule).toBe('partial');
    const sale = proposeTrack({ outstandingFen: 100_000, liquidControlledFen: 0, saleAssets: [{ type: 'realEstate', label: '不动产' }, { type: 'vehicle', label: '车辆' }], anythingFound: true }, s);
    expect(sale).toMatchObject({ track: 'complex', rule: 'needsSale' });
    expect(sale.reason).toContain('不动产、车辆');
    expect(proposeTrack({ outstandingFen: 100_000, liquidControlledFen: 0, saleAssets: [], anythingFound: false }, s)).toMatchObject({ track: 'complex', rule: 'nothingFound' });
  });
  it('follows its settings: coverage share and whether covering money makes a sale unnecessary', () => {
    const input = { outstandingFen: 100_000, liquidControlledFen: 100_000, saleAssets: [{ type: 'vehicle', label: '车辆' }], anythingFound: true };
    expect(proposeTrack(input, s).track).toBe('simple');
    expect(proposeTrack(input, { ...s, liquidOverridesSale: false }).rule).toBe('needsSale');
    expect(proposeTrack({ ...input, saleAssets: [] }, { ...s, coveragePercent: 110 }).rule).toBe('partial');
  });
});

const teams: DistTeam[] = [
  { id: 'dys', name: '大榆树法庭', areas: ['大榆树'] },
  { id: 'dfz', name: '东风法庭', areas: ['东风镇', '东风'] },
  { id: 'kl', name: '开鲁法庭', areas: ['开鲁镇'] },
];

describe('distribution (均衡分案)', () => {
  it('routes by the longest matching address keyword', () => {
    expect(matchJurisdiction(['通辽市开鲁县东风镇某村'], teams)?.keyword).toBe('东风镇');
    expect(matchJurisdiction(['北京市朝阳区'], teams)).toBeNull();
  });
  it('never exceeds the cap, keeps fallback loads within one, and its statistics add up (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 3, maxLength: 9 }),
        fc.array(fc.constantFrom('开鲁县东风镇', '开鲁县大榆树镇', '通辽市科尔沁区', '开鲁县开鲁镇'), { maxLength: 200 }),
        fc.integer({ min: 20, max: 60 }),
        (initial, addresses, cap) => {
          const judges: DistJudge[] = initial.map((load, i) => ({ id: i + 1, name: `法官${i + 1}`, teamId: teams[i % 3]!.id, load: Math.min(load, cap) }));
          const cases = addresses.map((a, i) => ({ id: i + 1, number: `案${i + 1}`, addresses: [a] }));
          const { decisions, stats } = distribute(cases, teams, judges, cap);
          for (const j of stats.perJudge) if (j.after > cap && j.cases > 0) return false;
          if (stats.assigned + stats.unassigned !== cases.length) return false;
          if (Object.values(stats.byRule).reduce((a, b) => a + b, 0) !== cases.length) return false;
          if (stats.perTeam.reduce((a, t) => a + t.cases, 0) !== stats.assigned) return false;
          if (stats.perJudge.some((j) => j.after !== j.before + j.cases)) return false;
          return decisions.every((d) => (d.judgeId === null) === (d.rule === 'capReached'));
        },
      ),
    );
  });
  it('sends a case whose tribunal is full to the lightest team and says why', () => {
    const judges: DistJudge[] = [
      { id: 1, name: '甲', teamId: 'dfz', load: 5 },
      { id: 2, name: '乙', teamId: 'kl', load: 1 },
    ];
    const { decisions } = distribute([{ id: 1, number: '（2026）内0523执1号', addresses: ['开鲁县东风镇'] }], teams, judges, 5);
    expect(decisions[0]).toMatchObject({ teamId: 'kl', judgeId: 2, rule: 'jurisdictionFull' });
    expect(decisions[0]!.explanation).toContain('已达到上限5件');
  });
});
