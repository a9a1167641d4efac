import type { CheckFlag, QuoteCheckReport } from '../pipeline/index.js';

/**
 * A quote check's report as the terminal shows it: each flag with where it stands and the
 * nearest passage, then the counts. Used by `check` (stdout) and `digest` (stderr).
 *
 * @example
 * describeCheckReport(report, '2024-01-18');
 * // '2024-01-18 #露斯 (entry 1f3a…)\n  quote not in the text: …\n3 quotes in 2 entries: …'
 */
export function describeCheckReport(report: QuoteCheckReport, where: string): string {
  const out = report.flags.map((f) => describeFlag(f, where));
  const quoteFlags = report.flags.filter((f) => f.kind === 'quote').length;
  const speakerFlags = report.flags.length - quoteFlags;
  out.push(
    `${report.quotes} quotes in ${report.entries} entries: ${report.passed} pass, ${quoteFlags} not in the text; ` +
      `${report.speakers} speakers: ${speakerFlags} never named`,
  );
  return `${out.join('\n')}\n`;
}

function describeFlag(f: CheckFlag, where: string): string {
  const at = `${where}${f.line === null ? '' : `:${f.line}`} #${f.tag} (entry ${f.entryId.slice(0, 12)})`;
  if (f.kind === 'speaker') return `${at}\n  speaker never named in the text: ${f.speaker}`;
  const lines = [`${at}\n  quote not in the text: ${f.speaker ?? ''}「${f.quote}」`];
  if (f.missing.length < f.pieces)
    lines.push(`    pieces missing: ${f.missing.map((m) => `「${m}」`).join(' ')}`);
  lines.push(
    f.nearest === null
      ? '    nearest passage: none'
      : `    nearest passage (similarity ${f.nearest.similarity.toFixed(2)}): 「${oneLine(f.nearest.text)}」`,
  );
  return lines.join('\n');
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ');
}
