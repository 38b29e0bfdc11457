/**
 * Pages of each issue's last printed PDF, by folder, so that `check` can warn about the page budget without printing.
 */
export type PageCounts = Record<string, { pages: number; at: string }>;
