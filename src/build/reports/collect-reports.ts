/**
 * Builds the reports of a finished build (spec A.11): per report group, select files with the
 * artifact glob rules (relative to `$CODEBUILD_SRC_DIR` or `base-directory`), parse each with the
 * group's file-format, and summarise in the API's shapes (spec B.5). Reports are collected even
 * when the build failed ("Surprises" 37).
 *
 * Never throws for bad input: no matching file, an unreadable or malformed file, or a parser
 * fault makes the report INCOMPLETE (`[DOC:test-report]`: "a problem with the configuration of the
 * report group…") with a message per problem; whatever did parse is still summarised.
 */
import { readFile, stat } from 'node:fs/promises';
import type { ReportGroup } from '../buildspec/index.js';
import { resolveArtifactFiles } from '../artifacts/index.js';
import type { ArtifactFile, ResolveOptions } from '../artifacts/index.js';
import { errorMessage } from '../../shared/index.js';
import { PARSERS } from './parsers.js';
import { summarizeCoverage, summarizeTests, testReportStatus } from './summarize.js';
import type { CollectedReport, FileCoverageCounts, ReportProblem, TestCase } from './types.js';

/** A report file larger than this is refused rather than parsed (a safety limit of ours). */
export const MAX_REPORT_FILE_BYTES = 64 * 1024 * 1024;

export type CollectOptions = Pick<ResolveOptions, 'allowedRoots' | 'onLog'>;

export async function collectReports(groups: readonly ReportGroup[], rootDir: string, options: CollectOptions = {}): Promise<CollectedReport[]> {
  const reports: CollectedReport[] = [];
  for (const group of groups) reports.push(await collectGroup(group, rootDir, options));
  return reports;
}

async function collectGroup(group: ReportGroup, rootDir: string, options: CollectOptions): Promise<CollectedReport> {
  const parser = PARSERS[group.fileFormat];
  const problems: ReportProblem[] = [];
  const files = await selectFiles(group, rootDir, options, problems);
  const cases: TestCase[] = [];
  const coverage: FileCoverageCounts[] = [];
  for (const file of files) {
    try {
      const text = await readReportFile(file);
      if (parser.type === 'TEST') cases.push(...parser.parse(text).map((c) => ({ ...c, testRawDataPath: file.absPath })));
      else coverage.push(...parser.parse(text));
    } catch (err) {
      problems.push({ file: file.archivePath, message: `${file.archivePath}: ${errorMessage(err)}` });
    }
  }
  const base = { groupKey: group.nameOrArn, fileFormat: group.fileFormat, type: parser.type, problems, files };
  if (parser.type === 'TEST') {
    const { summary, listed, truncated } = summarizeTests(cases);
    const status = problems.length > 0 ? 'INCOMPLETE' : testReportStatus(summary);
    return { ...base, status, truncated, testSummary: summary, testCases: listed, codeCoverages: [] };
  }
  const { summary, perFile } = summarizeCoverage(coverage);
  const status = problems.length > 0 ? 'INCOMPLETE' : 'SUCCEEDED';
  return { ...base, status, truncated: false, testCases: [], codeCoverageSummary: summary, codeCoverages: perFile };
}

async function selectFiles(group: ReportGroup, rootDir: string, options: CollectOptions, problems: ReportProblem[]): Promise<ArtifactFile[]> {
  try {
    const spec = { files: group.files, discardPaths: group.discardPaths, ...(group.baseDirectory === undefined ? {} : { baseDirectory: group.baseDirectory }) };
    return await resolveArtifactFiles(spec, rootDir, options);
  } catch (err) {
    problems.push({ message: `report group ${group.nameOrArn}: ${errorMessage(err)}` });
    return [];
  }
}

async function readReportFile(file: ArtifactFile): Promise<string> {
  const { size } = await stat(file.absPath);
  if (size > MAX_REPORT_FILE_BYTES) throw new Error(`the file is ${size} bytes, over the ${MAX_REPORT_FILE_BYTES}-byte limit for report files`);
  return readFile(file.absPath, 'utf8');
}
