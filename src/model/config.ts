/** A county or district that may send submissions. */
export interface County {
  /** The name as printed, e.g. 江华县. */
  name: string;
  /** Other spellings accepted in submissions, e.g. 江华瑶族自治县. */
  aliases: string[];
  /** ASCII slug for the county's page in the archive site. */
  slug: string;
}

/** The resolved, read-only configuration of a project. */
export interface Config {
  /** Name of the bulletin, printed in the masthead. */
  bulletin: string;
  /** Publishing body, printed left under the masthead. */
  publisher: string;
  counties: readonly County[];
  /** Pages an issue should fit on when printed. */
  pageBudget: number;
  site: { title: string; baseUrl: string };
  /** Default imprint (版记) lines, used when issue.yml gives none. */
  distribution: readonly { label: string; text: string }[];
  copies: number | undefined;
  /** Print settings (`print:` in yongzu.config.yml). */
  print: PrintConfig;
}

/** What the print PDF takes from the configuration. */
export interface PrintConfig {
  /** CMYK of the masthead red on the press, percentages: M100 Y100 by default. */
  red: readonly [number, number, number, number];
  /** 印发机关 of the imprint; the publisher when not given. */
  issuer: string | undefined;
  /** Folder of the office's own font files, relative to the project; `fonts` by default. */
  fonts: string;
}
