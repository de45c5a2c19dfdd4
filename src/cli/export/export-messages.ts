/**
 * The server's messages about an export (the manifest's `error` files: OperationOutcome ndjson,
 * Bulk Data Access IG 2.0.0 export.html §"Response - Complete Status"), shown on stderr. Issues of
 * severity error or fatal mean resources may be missing, so the export's exit status says so.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { operationOutcomeText } from '../../fhir/fhir-http-error.ts';
import type { FolderFile } from './export-folder.ts';

/** Messages printed at most (the rest are counted). */
const MAX_SHOWN = 20;

/** Prints the messages of the error files; returns how many issues were errors or fatal. */
export async function reportServerMessages(
  dir: string,
  files: readonly FolderFile[],
  stderr: (line: string) => void,
): Promise<number> {
  let errors = 0;
  let shown = 0;
  let hidden = 0;
  for (const f of files) {
    const lines = createInterface({ input: createReadStream(join(dir, f.path), 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.trim()) {
        continue;
      }
      let outcome: fhir4.OperationOutcome;
      try {
        outcome = JSON.parse(line) as fhir4.OperationOutcome;
      } catch {
        stderr(`caregap export: ${f.path}: a message line is not JSON`);
        errors++;
        continue;
      }
      for (const issue of outcome.issue ?? []) {
        const severe = issue.severity === 'error' || issue.severity === 'fatal';
        if (severe) {
          errors++;
        }
        if (shown < MAX_SHOWN) {
          shown++;
          stderr(
            `caregap export: server ${issue.severity ?? 'message'}: ${operationOutcomeText({ resourceType: 'OperationOutcome', issue: [issue] }) || issue.code}`,
          );
        } else {
          hidden++;
        }
      }
    }
  }
  if (hidden) {
    stderr(`caregap export: … and ${hidden} more server message(s) in ${join(dir, 'errors')}`);
  }
  return errors;
}
