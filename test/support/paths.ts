import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The shared folder beside the repository (specs and the reference report). */
export const sharedDir = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const referenceReportText = `${sharedDir}reference/reports/shenyang-huanggu-2023.txt`;
export const referenceReportJson = `${sharedDir}reference/reports/shenyang-huanggu-2023.expected.json`;
