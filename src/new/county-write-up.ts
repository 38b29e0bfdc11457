import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Place } from '../diagnostics/diagnostic.js';
import { parseSubmission } from '../load/parse-submission.js';
import { readSource } from '../load/read-source.js';
import type { County } from '../model/config.js';
import { findCounty } from '../rules/county/known.js';
import { valuePlace } from '../text/yaml-places.js';

/**
 * The file in an issue folder that is already a write-up of `county`, and
 * where it names the county: its front-matter names the county (or an alias of
 * it), or its file name is the county's (`01-jianghua.md`). Submissions with
 * errors count too: a write-up just made by `new submission` has an empty
 * title until it is filled in.
 */
export function countyWriteUp(
  dir: string,
  county: County,
  counties: readonly County[],
): { name: string; place?: Place } | undefined {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.(md|markdown)$/i.test(n) && !/^[_.]/.test(n));
  } catch {
    return undefined;
  }
  const byName = new RegExp(`^\\d+[-_]${county.slug}\\.(md|markdown)$`, 'i');
  for (const name of names.sort()) {
    let front;
    try {
      const read = readSource(join(dir, name));
      if (read.kind === 'text') front = parseSubmission(read.text, name).value.front;
    } catch {
      // unreadable: judged by its name alone (as one too large or not text)
    }
    const named = front?.data?.['county'];
    if (typeof named === 'string' && findCounty(counties, named.trim())?.name === county.name)
      return { name, place: valuePlace(front!, ['county']) };
    if (byName.test(name)) return { name };
  }
  return undefined;
}
