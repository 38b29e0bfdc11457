/** The configuration file at a project's root. */
export const CONFIG_FILE = 'yongzu.config.yml';
