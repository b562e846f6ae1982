import type { CmkRow } from './posture';
import { encryptionText } from './table';

/**
 * One field of RFC 4180 CSV. Security: a field a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, a tab or a
 * carriage return first) gets a leading apostrophe, since bot names and Azure's status words are not ours to trust.
 */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const header = [
  'Name',
  'Subscription',
  'Encryption',
  'Key vault',
  'Key',
  'Version',
  'Encryption status',
  'Policy',
  'Posture',
  'Risks',
  'Resource ID',
];

/** The table as CSV, with every risk of each bot (worst first) in one field. */
export function cmkCsv(rows: CmkRow[]): string {
  const lines = [header.join(',')];
  for (const r of rows)
    lines.push(
      [
        r.name,
        r.subscriptionName,
        encryptionText(r),
        r.key?.vaultName ?? '',
        r.key?.keyName ?? '',
        r.key?.version ?? '',
        r.status,
        r.policy ?? '',
        r.posture,
        r.risks.map((k) => `${k.level}: ${k.title}: ${k.reason}`).join('; '),
        r.id,
      ]
        .map(field)
        .join(','),
    );
  return lines.join('\r\n') + '\r\n';
}
