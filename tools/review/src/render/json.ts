import type { ReviewReport } from '../compare/types';

/** The report as JSON for tools (the `ReviewReport` type is the schema). */
export const renderJson = (report: ReviewReport): string => JSON.stringify(report, null, 2) + '\n';
