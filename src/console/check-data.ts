import { loadDataset } from '../data/load.ts';
import { exitOnDataError } from '../core/startup.ts';
import { gbp, gbpBillions, people, signedPercent } from '../format/numbers.ts';
import { codeTable } from '../views/table.ts';

/** `npm run data:check`: validates data/ and prints the consistency report (anomalies and totals). */
function main(): void {
  const data = loadDataset();
  const out: string[] = [];
  out.push(
    `data/ is valid: ${data.systems.length} systems in ${data.regions.length} regions, ${data.sources.length} sources, ${data.facts.length} national-context facts.`,
  );
  out.push('', 'Rows that do not add up or miss a figure (published vs implied; published figures are never changed):');
  const rows = data.systems.flatMap((s) =>
    s.anomalies.map((a) => [
      s.id,
      a.kind,
      s.population.published ?? '—',
      s.allocation.published ?? '—',
      s.spendPerHead.published ?? '—',
      a.implied.population !== undefined ? people(a.implied.population) : '',
      a.implied.allocationGbpBillions !== undefined ? gbpBillions(a.implied.allocationGbpBillions) : '',
      a.implied.spendPerHeadGbp !== undefined ? gbp(a.implied.spendPerHeadGbp) : '',
      a.productGapShare !== undefined ? signedPercent(a.productGapShare * 100) : '',
    ]),
  );
  out.push(
    codeTable(
      ['system', 'anomaly', 'pop', 'alloc £bn', '£/head', 'implied pop', 'implied alloc', 'implied £/head', 'pop×£/head vs alloc'],
      rows,
      new Set([2, 3, 4, 5, 6, 7, 8]),
    ).replace(/```\n?/g, ''),
  );
  out.push('Notes:');
  for (const s of data.systems) for (const a of s.anomalies) out.push(`  ${s.id}: ${a.note}`);
  out.push('', 'The 42 rows against the England Totals row:');
  out.push(
    codeTable(
      ['measure', 'published', 'sum of rows', 'difference', 'rows missing'],
      data.totals.map((t) => [
        t.label,
        t.publishedText,
        t.label.startsWith('Population') ? people(t.summed) : t.label.startsWith('Allocation') ? t.summed.toFixed(3) : gbp(t.summed),
        signedPercent(t.differenceShare * 100),
        String(t.missing),
      ]),
      new Set([1, 2, 3, 4]),
    ).replace(/```\n?/g, ''),
  );
  process.stdout.write(`${out.join('\n')}\n`);
}

try {
  main();
} catch (error) {
  exitOnDataError(error);
}
