/**
 * `npm run scan:published [-- DIR …]`: checks what a static host would publish for personal data
 * (e-mail addresses, phone numbers) and spreadsheet formulas before you deploy it. By default it
 * scans public/data and, when present, out/ (the static export). Exit 1 when anything is found.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describeFindings, scanFolder } from './lib/scan-published';

async function main(argv: string[]): Promise<number> {
  const dirs = argv.length ? argv : [path.join('public', 'data'), 'out'].filter((d) => existsSync(d));
  let found = 0;
  for (const dir of dirs) {
    if (!existsSync(dir)) {
      console.error(`${dir}: no such folder.`);
      return 1;
    }
    const findings = await scanFolder(dir);
    found += findings.length;
    console.log(
      findings.length
        ? `${dir}: ${findings.length} finding(s); do not publish it:\n${describeFindings(findings).join('\n')}`
        : `${dir}: no e-mail address, phone number or spreadsheet formula found.`,
    );
  }
  return found > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
