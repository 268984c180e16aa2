import { recordTemplate } from './workRecords';

// 执行笔录: a work record printed from services/records (the builder and the articles in ./workRecords.ts).
export const template = recordTemplate('执行笔录', '实施查封、扣押、搜查、现场调查等执行行为的笔录（查封规定第十八条）');
