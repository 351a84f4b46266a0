import type { LangCode } from '../corpus/types';
import { detach } from './line-feed';

/**
 * Every document id an import meets (in runs, qrels and the language map), numbered once so a
 * 13 M-line run is held as numbers, with each document's language when the map names it.
 * Languages are small numbers too (0 = not known).
 */
export class DocTable {
  readonly ids: string[] = [];
  // Open-addressing hash table over the ids (slot -> document number, -1 empty), so a run line's
  // docid is looked up straight from the chunk it sits in, with no string made for it: a Map
  // needs a fresh string per line, which was the largest cost of parsing a 13 M-line run.
  private slots = new Int32Array(1 << 12).fill(-1);
  private hashOf = new Int32Array(1 << 11);
  private langOf = new Uint16Array(1 << 11);
  /** langCodes[n - 1] is the language numbered n. */
  readonly langCodes: LangCode[] = [];
  private readonly langNumber = new Map<LangCode, number>();
  /** Documents of each language in the map, whether or not a run names them: pool sizes. */
  readonly mapCount = new Map<LangCode, number>();

  get size(): number {
    return this.ids.length;
  }

  /** The document's number, adding it when new. */
  intern(id: string): number {
    return this.internRange(id, 0, id.length);
  }

  /** The number of the document whose id is text[start, end), adding it (a detached copy of the id) when new. */
  internRange(text: string, start: number, end: number): number {
    const hash = hashRange(text, start, end);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const n = this.slots[slot];
      if (n === -1) return this.add(detach(text.slice(start, end)), hash, slot);
      if (this.hashOf[n] === hash && sameRange(this.ids[n], text, start, end)) return n;
    }
  }

  /** The document's number, or undefined when no run or qrels named it. */
  find(id: string): number | undefined {
    const hash = hashRange(id, 0, id.length);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const n = this.slots[slot];
      if (n === -1) return undefined;
      if (this.hashOf[n] === hash && this.ids[n] === id) return n;
    }
  }

  private add(id: string, hash: number, slot: number): number {
    const n = this.ids.length;
    this.ids.push(id);
    if (n >= this.hashOf.length) {
      this.hashOf = grow(this.hashOf, Int32Array);
      this.langOf = grow(this.langOf, Uint16Array);
    }
    this.hashOf[n] = hash;
    this.slots[slot] = n;
    if (2 * this.ids.length > this.slots.length) this.rehash();
    return n;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let n = 0; n < this.ids.length; n++) {
      let slot = this.hashOf[n] & mask;
      while (this.slots[slot] !== -1) slot = (slot + 1) & mask;
      this.slots[slot] = n;
    }
  }

  /** 0 when unknown, else 1 + index into langCodes. */
  langNumberOf(doc: number): number {
    return this.langOf[doc];
  }

  lang(doc: number): LangCode | undefined {
    const n = this.langOf[doc];
    return n === 0 ? undefined : this.langCodes[n - 1];
  }

  /**
   * Records one entry of the language map. Only documents a run or qrels named are kept; every
   * entry counts toward its language's pool size. Returns the language already recorded for the
   * document when it differs (a conflict for the caller to report), else null.
   */
  addMapEntry(id: string, lang: LangCode): LangCode | null {
    this.mapCount.set(lang, (this.mapCount.get(lang) ?? 0) + 1);
    const doc = this.find(id);
    if (doc === undefined) return null;
    const number = this.numberOfLang(lang);
    const before = this.langOf[doc];
    if (before !== 0 && before !== number) return this.langCodes[before - 1];
    this.langOf[doc] = number;
    return null;
  }

  private numberOfLang(lang: LangCode): number {
    let n = this.langNumber.get(lang);
    if (n === undefined) {
      this.langCodes.push(lang);
      n = this.langCodes.length;
      if (n > 0xffff) throw new RangeError('DocTable: more than 65,535 languages');
      this.langNumber.set(lang, n);
    }
    return n;
  }
}

/** FNV-1a over the UTF-16 code units of text[start, end). */
function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

function sameRange(id: string, text: string, start: number, end: number): boolean {
  if (id.length !== end - start) return false;
  for (let i = 0; i < id.length; i++) if (id.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

function grow<T extends Int32Array | Uint16Array>(a: T, make: new (n: number) => T): T {
  const bigger = new make(a.length * 2);
  bigger.set(a);
  return bigger;
}
