import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LoadedIssue } from '../load/load-project.js';
import { feedInvalidCharacter } from '../rules/feed/invalid-character.js';
import { type YamlSource, valuePlace } from '../text/yaml-places.js';
import { firstNotXml, notXmlMessage } from '../util/xml-text.js';

/**
 * Warnings for the text of an issue folder that reaches feed.xml (titles,
 * counties, themes) holding characters XML does not allow: the feed drops
 * them (render-feed.ts), and the editor is told where they are.
 */
export function feedFieldDiagnostics(loaded: LoadedIssue): Diagnostic[] {
  const out: Diagnostic[] = [];
  const look = (file: string, source: YamlSource | undefined, path: (string | number)[], shown: string) => {
    let value: unknown = source?.data;
    for (const step of path) value = (value as Record<string | number, unknown> | undefined)?.[step];
    if (typeof value !== 'string' || !source) return;
    const char = firstNotXml(value);
    if (char) out.push(feedInvalidCharacter.report(file, valuePlace(source, path), notXmlMessage(shown, char)));
  };
  const themes = loaded.meta?.data?.['themes'];
  if (Array.isArray(themes))
    for (let i = 0; i < themes.length; i++)
      look(`issues/${loaded.folder}/issue.yml`, loaded.meta, ['themes', i], 'themes');
  for (const sub of loaded.submissions)
    for (const key of ['title', 'county', 'theme']) look(sub.file, sub.front, [key], key);
  return out;
}
