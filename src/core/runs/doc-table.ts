import type { LangCode } from '../corpus/types';

/**
 * Every document id an import meets (in runs, qrels and the language map), numbered once so a
 * 13 M-line run is held as numbers, with each document's language when the map names it.
 * Languages are small numbers too (0 = not known).
 */
export class DocTable {
  readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  private langOf = new Uint16Array(1024);
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
    let n = this.index.get(id);
    if (n === undefined) {
      n = this.ids.length;
      this.index.set(id, n);
      this.ids.push(id);
      if (n >= this.langOf.length) {
        const grown = new Uint16Array(this.langOf.length * 2);
        grown.set(this.langOf);
        this.langOf = grown;
      }
    }
    return n;
  }

  /** The document's number, or undefined when no run or qrels named it. */
  find(id: string): number | undefined {
    return this.index.get(id);
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
    const doc = this.index.get(id);
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
