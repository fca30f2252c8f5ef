/** One problem found in a source file, precise enough to find and fix it by hand. */
export interface SourceIssue {
  file: string;
  /** 1-based line in the file; the header is line 1. */
  line: number;
  column: string;
  value: string;
  expected: string;
}

export function formatIssue(issue: SourceIssue): string {
  const value = issue.value === '' ? 'an empty cell' : JSON.stringify(issue.value);
  return `${issue.file}, line ${issue.line}, column "${issue.column}": got ${value}, expected ${issue.expected}`;
}

const MAX_LISTED = 20;

export class SourceValidationError extends Error {
  readonly issues: SourceIssue[];

  constructor(issues: SourceIssue[]) {
    const listed = issues.slice(0, MAX_LISTED).map((i) => `  - ${formatIssue(i)}`);
    const more = issues.length > MAX_LISTED ? [`  … and ${issues.length - MAX_LISTED} more`] : [];
    super([`${issues.length} problem(s) in the source data:`, ...listed, ...more].join('\n'));
    this.name = 'SourceValidationError';
    this.issues = issues;
  }
}
