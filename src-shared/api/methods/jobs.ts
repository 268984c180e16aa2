import { z } from 'zod';
import { defineMethods } from '../contract';
import { okOutput } from '../common';
import { masked } from '../masked';

export const jobView = z.object({
  id: z.string(),
  kind: z.string(),
  label: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed', 'cancelled', 'interrupted']),
  done: z.number().int(),
  total: z.number().int(),
  message: z.string(),
  result: masked('payload', z.unknown()).nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  createdBy: z.string(),
});
export type JobView = z.infer<typeof jobView>;

export const jobMethods = defineMethods({
  'jobs.get': {
    summary: '长任务的状态与进度',
    input: z.object({ id: z.string().max(100) }),
    output: jobView,
    access: 'user',
    cases: { ids: { id: 'job' } },
    errors: ['not_found'],
  },
  'jobs.list': {
    summary: '最近的长任务',
    input: z.object({ limit: z.number().int().min(1).max(200).default(20) }),
    output: z.array(jobView),
    access: 'user',
    cases: { narrows: 'rows' },
  },
  'jobs.cancel': {
    summary: '取消正在运行的长任务（已写入的结果全部回滚）',
    input: z.object({ id: z.string().max(100) }),
    output: okOutput,
    access: 'user',
    cases: { ids: { id: 'job' } },
    errors: ['not_found', 'conflict'],
  },
});
