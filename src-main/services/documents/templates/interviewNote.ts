import { recordTemplate } from './workRecords';

// 约谈记录: a work record printed from services/records (the builder and the articles in ./workRecords.ts).
export const template = recordTemplate('约谈记录', '终本前约谈申请执行人的记录（终本规定第五条）');
