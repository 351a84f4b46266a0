/** Which run files opened together are the parts of one system (the evaluation writes one file per setting). */

export const RUN_SETTINGS = ['mono', 'cross', 'multi'] as const;
export type RunSetting = (typeof RUN_SETTINGS)[number];

/** `<stem>.<setting>.<ext>` as its stem and setting; null for any other name. */
export function runPartName(name: string): { stem: string; setting: RunSetting } | null {
  const m = /^(.+)\.(mono|cross|multi)\.[^.]+$/i.exec(name);
  return m ? { stem: m[1], setting: m[2].toLowerCase() as RunSetting } : null;
}

/** One system: several parts (indices into the names, in setting order) sharing a stem, or one file alone. */
export type RunGroup = { kind: 'parts'; stem: string; parts: { index: number; setting: RunSetting }[] } | { kind: 'single'; index: number };

/**
 * Files named `<stem>.mono|cross|multi.<ext>` with the same stem and distinct settings are the parts
 * of one system (npm run eval's run.mono.trec, run.cross.trec, run.multi.trec), in the evaluation's
 * setting order. Every other file stays a system of its own: other names, a stem met once, and
 * every file of a stem that names a setting twice (which of the two belongs with the rest cannot
 * be told). Systems come in the order of their first file.
 */
export function groupRunParts(names: readonly string[]): RunGroup[] {
  const byStem = new Map<string, { index: number; setting: RunSetting }[]>();
  for (const [index, name] of names.entries()) {
    const part = runPartName(name);
    if (!part) continue;
    const parts = byStem.get(part.stem) ?? [];
    parts.push({ index, setting: part.setting });
    byStem.set(part.stem, parts);
  }
  const groups: RunGroup[] = [];
  const placed = new Set<number>();
  for (const [index, name] of names.entries()) {
    if (placed.has(index)) continue;
    const stem = runPartName(name)?.stem;
    const parts = stem === undefined ? undefined : byStem.get(stem)!;
    if (stem === undefined || !parts || parts.length < 2 || new Set(parts.map((p) => p.setting)).size < parts.length) {
      groups.push({ kind: 'single', index });
      continue;
    }
    for (const p of parts) placed.add(p.index);
    groups.push({ kind: 'parts', stem, parts: [...parts].sort((a, b) => RUN_SETTINGS.indexOf(a.setting) - RUN_SETTINGS.indexOf(b.setting)) });
  }
  return groups;
}
