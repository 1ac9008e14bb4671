/** file-format → parser and report type (spec A.11: six test formats, four coverage formats). */
import type { ReportFileFormat } from '../buildspec/index.js';
import { parseClover } from './parse-clover.js';
import { parseCobertura } from './parse-cobertura.js';
import { parseCucumber } from './parse-cucumber.js';
import { parseJacoco } from './parse-jacoco.js';
import { parseJunit } from './parse-junit.js';
import { parseNunit } from './parse-nunit.js';
import { parseSimplecov } from './parse-simplecov.js';
import { parseTestng } from './parse-testng.js';
import { parseTrx } from './parse-trx.js';
import type { FileCoverageCounts, ParsedTestCase } from './types.js';

export type FormatParser =
  | { type: 'TEST'; parse: (text: string) => ParsedTestCase[] }
  | { type: 'CODE_COVERAGE'; parse: (text: string) => FileCoverageCounts[] };

export const PARSERS: Readonly<Record<ReportFileFormat, FormatParser>> = {
  JUNITXML: { type: 'TEST', parse: parseJunit },
  CUCUMBERJSON: { type: 'TEST', parse: parseCucumber },
  NUNITXML: { type: 'TEST', parse: parseNunit },
  NUNIT3XML: { type: 'TEST', parse: parseNunit },
  TESTNGXML: { type: 'TEST', parse: parseTestng },
  VISUALSTUDIOTRX: { type: 'TEST', parse: parseTrx },
  COBERTURAXML: { type: 'CODE_COVERAGE', parse: parseCobertura },
  JACOCOXML: { type: 'CODE_COVERAGE', parse: parseJacoco },
  CLOVERXML: { type: 'CODE_COVERAGE', parse: parseClover },
  SIMPLECOV: { type: 'CODE_COVERAGE', parse: parseSimplecov },
};
