import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { exceptionsFileSchema, generatedFolders, isAuditedSource, reconcileFindings, type Finding } from './electronegativity-findings';

/**
 * `npm run audit:electron`: Doyensec's Electronegativity over the whole project (it skips node_modules by itself),
 * run offline, and compared with `electronegativity-exceptions.json`. It fails on any finding no exception
 * justifies, on any exception nothing needs any more, and on any file it could not parse (an unparsed file is an
 * unaudited one).
 */
const root = path.resolve(import.meta.dirname, '..');
const exceptionsPath = path.join(import.meta.dirname, 'electronegativity-exceptions.json');

/** The part of Electronegativity's programmatic API (`dist/runner.js`, untyped) this uses. */
interface ElectronegativityIssue {
  id: string;
  file: string;
  location: { line: number; column: number };
  sample?: unknown;
  description: string;
  severity: { name: string };
  confidence: { name: string };
}
type RunElectronegativity = (
  options: { input: string; isRelative: boolean; excludeFromScan: string[] },
  forCli: false,
) => Promise<{ globalChecks: number; atomicChecks: number; errors: Array<{ file: string; message: string }>; issues: ElectronegativityIssue[] }>;

const runElectronegativity = createRequire(import.meta.url)('@doyensec/electronegativity') as RunElectronegativity;

/** Electronegativity names files relative to the input, or absolute in its parse errors. */
function relativeToRoot(file: string): string {
  return (path.isAbsolute(file) ? path.relative(root, file) : file).split(path.sep).join('/');
}

async function main(): Promise<number> {
  const exceptionsFile = exceptionsFileSchema.parse(JSON.parse(await readFile(exceptionsPath, 'utf8')));
  // Its messages come from a locale file picked by LANG; this keeps them in English wherever it runs.
  process.env.LANG = 'en-US';
  console.log('audit:electron: Electronegativity over the project; it first tries to fetch newer translations, which offline just fails');
  const result = await runElectronegativity(
    { input: root, isRelative: true, excludeFromScan: exceptionsFile.excludedChecks.map((excluded) => excluded.check.toLowerCase()) },
    false,
  );
  const scanned: Finding[] = result.issues.map((issue) => ({
    check: issue.id,
    file: relativeToRoot(issue.file),
    line: issue.location.line,
    sample: typeof issue.sample === 'string' ? issue.sample : '',
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    description: issue.description,
  }));
  const findings = scanned.filter((finding) => isAuditedSource(finding.file));
  const parseErrors = result.errors.filter((error) => isAuditedSource(relativeToRoot(error.file)));
  const { justified, open, stale } = reconcileFindings(findings, exceptionsFile.exceptions);

  console.log(`audit:electron: ${result.globalChecks} global and ${result.atomicChecks} per-file checks ran; not run:`);
  for (const excluded of exceptionsFile.excludedChecks) console.log(`  - ${excluded.check}: ${excluded.reason}`);
  const generated = scanned.length - findings.length + result.errors.length - parseErrors.length;
  console.log(`audit:electron: ${generated} finding(s) or parse error(s) in generated files left out (${generatedFolders.join(', ')}: bundles of the sources audited here)`);
  console.log(`audit:electron: ${findings.length} finding(s), ${justified.length} justified:`);
  for (const { finding, exception } of justified) console.log(`  - ${finding.check} (${finding.file}): ${exception.reason}`);
  for (const error of parseErrors) console.error(`audit:electron: could not parse ${error.file}: ${error.message}`);
  for (const finding of open) {
    console.error(`audit:electron: OPEN ${finding.check} ${finding.severity}/${finding.confidence} at ${finding.file}:${finding.line}: ${finding.description}`);
    if (finding.sample !== '') console.error(`    ${finding.sample}`);
  }
  for (const exception of stale) console.error(`audit:electron: STALE exception for ${exception.check} in ${exception.file}: nothing matches it any more; remove it`);
  const failures = parseErrors.length + open.length + stale.length;
  console.log(failures === 0 ? 'audit:electron: no open findings' : `audit:electron: ${failures} problem(s)`);
  return failures === 0 ? 0 : 1;
}

process.exitCode = await main();
