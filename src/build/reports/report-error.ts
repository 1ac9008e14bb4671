/** The one error the report parsers throw; collectReports turns it into an INCOMPLETE report. */
import { AppError } from '../../shared/index.js';

/** AppError 'ReportParseError': the report file is not what its file-format says. */
export function reportError(message: string): AppError {
  return new AppError('ReportParseError', message, { fault: 'user' });
}
