import { describe, expect, it } from 'vitest';
import { latinWords } from '../e2e/latinWords';

// The e2e watch's rule (tests/e2e/test.ts): Latin words on screen are reported unless allowed;
// identifiers with digits and file paths are data.

describe('latinWords', () => {
  it('reports code and English, keeps the allowed names', () => {
    expect(latinWords('Error: 出错 GB/T 2260 导出 Excel 表格 seeds/003')).toEqual(['Error', 'seeds']);
    expect(latinWords('见 docs/metrics.md')).toEqual(['docs', 'metrics', 'md']);
    expect(latinWords('Too big: expected number to be <=1000')).toEqual(['Too', 'big', 'expected', 'number', 'to', 'be']);
  });

  it('leaves identifiers with digits and folders alone', () => {
    expect(latinWords('统一社会信用代码 91150523MA0N4B2K6Y，EMS 单号 EA123456789CN，身份证 15052319850317123X')).toEqual([]);
    expect(latinWords('备份文件夹：/tmp/zhixing-e2e-abc/backups 或 C:\\Users\\court\\backups')).toEqual([]);
  });

  it('takes extra words a spec allows', () => {
    expect(latinWords('用户 chuang', new Set(['chuang']))).toEqual([]);
  });
});
