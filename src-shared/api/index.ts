import type { z } from 'zod';
import { mergeMethods } from './contract';
import type { Seen } from './caseVersions';
import { systemMethods } from './methods/system';
import { caseMethods } from './methods/cases';
import { settingsMethods } from './methods/settings';
import { jobMethods } from './methods/jobs';
import { documentMethods } from './methods/documents';
import { securityMethods } from './methods/security';
import { inquiryMethods } from './methods/inquiries';
import { measureMethods } from './methods/measures';
import { ledgerMethods } from './methods/ledger';
import { closureMethods, archiveMethods } from './methods/closure';
import { metricsMethods } from './methods/metrics';
import { reportsMethods } from './methods/reports';
import { cityMethods } from './methods/city';
import { triageMethods } from './methods/triage';
import { assignmentMethods } from './methods/assignment';
import { deadlineMethods } from './methods/deadlines';
import { serverMethods } from './methods/server';
import { recoveryMethods } from './methods/recovery';
import { documentDataMethods } from './methods/documentData';
import { creditMethods } from './methods/credit';
import { coercionMethods } from './methods/coercion';
import { workspaceMethods } from './methods/workspace';
import { gridMethods } from './methods/grids';
import { acceptanceMethods } from './methods/acceptance';

// The one registry of the API. Each domain declares its methods in ./methods/<domain>.ts and is
// listed here once; both transports (Electron IPC and the web mode) serve exactly this set.
export const methods = mergeMethods(systemMethods, caseMethods, settingsMethods, jobMethods, documentMethods, inquiryMethods, measureMethods, ledgerMethods, securityMethods, closureMethods, archiveMethods, metricsMethods, reportsMethods, cityMethods, triageMethods, assignmentMethods, deadlineMethods, serverMethods, recoveryMethods, documentDataMethods, creditMethods, coercionMethods, workspaceMethods, gridMethods, acceptanceMethods);

export type Methods = typeof methods;
export type MethodName = keyof Methods & string;
export type MethodInput<N extends MethodName> = z.input<Methods[N]['input']>;
export type MethodOutput<N extends MethodName> = z.output<Methods[N]['output']>;
export const METHOD_NAMES = Object.keys(methods).sort() as MethodName[];

/** Methods that change cases and state what the clerk saw (src-shared/api/caseVersions.ts). */
export type VersionedMethod = { [N in MethodName]: Methods[N] extends { versions: 'seen' | { seen: readonly string[] } } ? N : never }[MethodName];
/**
 * A call's input as a client must send it: a versioned method's `seen` must be written out (it may
 * be undefined only before the page has loaded what it shows) — the compiler will not let a page forget it.
 */
export type ClientInput<N extends MethodName> = N extends VersionedMethod ? MethodInput<N> & { seen: Seen | undefined } : MethodInput<N>;
