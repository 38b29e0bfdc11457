import { readFileSync } from 'node:fs';
import type { OutputIntent } from './finish-pdf.js';

/**
 * The CMYK profile of the press PDF's output intent: Artifex's SWOP profile
 * that Debian's libgs-common installs (GPL Ghostscript's iccprofiles/,
 * AGPL-3+, so it may be redistributed inside every PDF). Debian's
 * icc-profiles-free and colord-data hold no CMYK profile, only RGB and gray
 * ones and measurement data (docs/maintainers/print.md, Colour).
 */
export const CMYK_PROFILE = '/usr/share/color/icc/ghostscript/default_cmyk.icc';
/** sRGB from the same package, for RGB images in a press PDF. */
export const SRGB_PROFILE = '/usr/share/color/icc/ghostscript/srgb.icc';

let loaded: { intent: OutputIntent | undefined; srgb: Uint8Array | undefined } | undefined;

function read(path: string): Uint8Array | undefined {
  try {
    return new Uint8Array(readFileSync(path));
  } catch {
    return undefined;
  }
}

/** The output intent and the sRGB profile, read once; undefined parts when the package is not installed. */
export function loadProfiles(): { intent: OutputIntent | undefined; srgb: Uint8Array | undefined } {
  if (loaded) return loaded;
  const profile = read(CMYK_PROFILE);
  loaded = {
    intent: profile
      ? {
          profile,
          // SWOP's entry in the ICC characterization registry.
          identifier: 'CGATS TR 001',
          info: 'SWOP (Specifications for Web Offset Publications), Artifex CMYK SWOP Profile',
        }
      : undefined,
    srgb: read(SRGB_PROFILE),
  };
  return loaded;
}
