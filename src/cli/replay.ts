/**
 * npm run --silent replay -- FILE [--json] [--strict]
 *
 * Replays an `strace -f` log on the kernel model and prints one line per divergence, then
 * `replayed N calls: M match, K differ`. Exit status: 0 when nothing differs, 1 when something
 * does, 2 when the file cannot be read or is not strace output.
 */
import { readFileSync } from 'node:fs';
import { replayLines, summaryLine } from '../programs/replay/replay';
import { looksLikeStrace, parseTrace } from '../programs/strace/parseTrace';

function main(argv: string[]): number {
  const json = argv.includes('--json');
  const strict = argv.includes('--strict');
  const files = argv.filter((a) => !a.startsWith('--'));
  if (files.length !== 1) {
    process.stderr.write('usage: npm run --silent replay -- FILE [--json] [--strict]\n');
    return 2;
  }
  const file = files[0];
  let text: string;
  try {
    text = readFileSync(file, 'latin1');
  } catch (e) {
    process.stderr.write(`${file}: cannot read: ${(e as Error).message}\n`);
    return 2;
  }
  const looks = looksLikeStrace(text);
  if (!looks.ok) {
    process.stderr.write(`${file}: not strace output: ${looks.reason}\n`);
    return 2;
  }
  const parsed = parseTrace(text);
  const report = replayLines(parsed.lines, { strict });
  if (json) {
    process.stdout.write(`${JSON.stringify({ file, summary: summaryLine(report), ...report }, null, 2)}\n`);
    return report.differ === 0 ? 0 : 1;
  }
  for (const m of report.malformed)
    process.stderr.write(`${file}:${m.lineNo}: skipped, not understood: ${m.message}\n`);
  const out: string[] = [];
  for (const d of report.divergences) {
    out.push(
      `${file}:${d.lineNo}: pid ${d.pid} ${d.call}: recorded ${d.recorded}, simulated ${d.simulated}${d.detail.length > 0 ? ` (${d.detail.join('; ')})` : ''}`,
    );
  }
  out.push(summaryLine(report));
  process.stdout.write(`${out.join('\n')}\n`);
  return report.differ === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
