import { z } from 'zod';

/** One finding of Electronegativity, reduced to what identifies and explains it. */
export interface Finding {
  /** The check's id, e.g. `CSP_GLOBAL_CHECK`. */
  check: string;
  /** Relative to the scanned folder; `N/A` for a finding about the whole app. */
  file: string;
  line: number;
  /** The source line it points at, when there is one. */
  sample: string;
  severity: string;
  confidence: string;
  description: string;
}

const reason = z.string().trim().min(40, 'say why, in a sentence or more');
const evidence = z.array(z.string().min(1)).min(1);

/**
 * The checked-in answer to every finding: checks that are not run at all (with why), and findings that are
 * accepted (with why and the files or tests that prove the risk is handled). A finding is matched by its check,
 * its file and, for a finding about a line, a piece of that line, never by line number, which moves with every edit.
 */
export const exceptionsFileSchema = z.strictObject({
  excludedChecks: z.array(z.strictObject({ check: z.string().regex(/^[A-Za-z]+Check$/), reason, evidence })),
  exceptions: z.array(
    z.strictObject({ check: z.string().regex(/^[A-Z_]+$/), file: z.string().min(1), sampleContains: z.string().min(1).optional(), reason, evidence }),
  ),
});
export type ExceptionsFile = z.infer<typeof exceptionsFileSchema>;
export type FindingException = ExceptionsFile['exceptions'][number];

export interface Reconciled {
  justified: Array<{ finding: Finding; exception: FindingException }>;
  /** Findings no exception answers: the audit fails on these. */
  open: Finding[];
  /** Exceptions that answer nothing any more: the audit fails on these too, so the file never outlives the code. */
  stale: FindingException[];
}

function answers(exception: FindingException, finding: Finding): boolean {
  return (
    exception.check === finding.check &&
    exception.file === finding.file &&
    (exception.sampleContains === undefined || finding.sample.includes(exception.sampleContains))
  );
}

/**
 * Folders the build and the tests write (all in .gitignore). Electronegativity reads every file under the project
 * but node_modules, so after `npm run build` it would also audit the bundles: our own sources, audited above as
 * written, bundled with their dependencies, whose code Electronegativity leaves out on purpose everywhere else.
 */
export const generatedFolders: readonly string[] = ['dist/', 'release/', 'test-results/', 'test/artifacts/', 'playwright-report/'];

/** Whether a scanned file (relative, with `/`) is one the audit is about: a source, not something generated from them. */
export function isAuditedSource(file: string): boolean {
  return !generatedFolders.some((folder) => file.startsWith(folder));
}

/** Sorts findings into those an exception justifies and those left open, and finds the exceptions nothing needs. */
export function reconcileFindings(findings: readonly Finding[], exceptions: readonly FindingException[]): Reconciled {
  const justified: Reconciled['justified'] = [];
  const open: Finding[] = [];
  const used = new Set<FindingException>();
  for (const finding of findings) {
    const exception = exceptions.find((candidate) => answers(candidate, finding));
    if (exception === undefined) open.push(finding);
    else {
      justified.push({ finding, exception });
      used.add(exception);
    }
  }
  return { justified, open, stale: exceptions.filter((exception) => !used.has(exception)) };
}
