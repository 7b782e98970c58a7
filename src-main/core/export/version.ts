import pkg from '../../../package.json' with { type: 'json' };

/** The version the manifest names; bundled into the Electron build, read as-is under tsx. */
export const PANTAU_VERSION: string = pkg.version;
