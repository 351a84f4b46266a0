export const LANG_NAMES = {};
