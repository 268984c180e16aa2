import { recordTemplate } from './workRecords';

// 谈话笔录: a work record printed from services/records (the builder and the articles in ./workRecords.ts).
export const template = recordTemplate('谈话笔录', '询问、谈话的笔录（被执行人报告财产、当事人陈述等）');
