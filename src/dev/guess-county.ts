import type { County } from '../model/config.js';

/** A county's names to look for: its name, aliases, and the name without 县/区/市 when two characters remain. */
function namesOf(county: County): string[] {
  const names = [county.name, ...county.aliases];
  const short = county.name.replace(/(管理区|县|区|市)$/, '');
  if (short !== county.name && short.length >= 2) names.push(short);
  return names;
}

/** The county named earliest in `text` (longest name first at a place), or undefined. */
function earliest(text: string, counties: readonly County[]): County | undefined {
  let best: { county: County; at: number; length: number } | undefined;
  for (const county of counties) {
    for (const name of namesOf(county)) {
      const at = text.indexOf(name);
      if (at < 0) continue;
      if (!best || at < best.at || (at === best.at && name.length > best.length))
        best = { county, at, length: name.length };
    }
  }
  return best?.county;
}

/**
 * The county a dropped file is most likely from, for the desk to pre-fill
 * (the editor confirms it): named in the file name (or its slug, as in
 * `03-daoxian.docx`), else in the title, else early in the text.
 */
export function guessCounty(
  fileName: string,
  title: string | undefined,
  text: string,
  counties: readonly County[],
): string | undefined {
  const stem = fileName.replace(/\.[^.]+$/, '');
  const bySlug = counties.find((c) => new RegExp(`(^|[^a-z])${c.slug}($|[^a-z])`, 'i').test(stem));
  const found =
    earliest(stem, counties) ?? bySlug ?? earliest(title ?? '', counties) ?? earliest(text.slice(0, 300), counties);
  return found?.name;
}
