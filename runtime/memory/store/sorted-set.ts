/**
 * A Redis sorted set: members ordered by score, then by member bytes (Redis compares members as
 * binary strings). A map gives scores in O(1); a sorted array gives ranges and ranks.
 */
export class SortedSet {
  readonly scores = new Map<string, number>();
  #order: string[] = [];

  get size(): number {
    return this.#order.length;
  }

  #orderedBefore(existing: string, member: string, score: number): boolean {
    const s = this.scores.get(existing)!;
    if (s !== score) return s < score;
    return compareBytes(existing, member) < 0;
  }

  #indexOf(member: string): number {
    const score = this.scores.get(member);
    if (score === undefined) return -1;
    let lo = 0;
    let hi = this.#order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#orderedBefore(this.#order[mid]!, member, score)) lo = mid + 1;
      else hi = mid;
    }
    return this.#order[lo] === member ? lo : -1;
  }

  /** Sets a member's score; returns true when the member is new. */
  add(member: string, score: number): boolean {
    const old = this.scores.get(member);
    if (old !== undefined) {
      if (old === score) return false;
      this.#order.splice(this.#indexOf(member), 1);
    }
    let lo = 0;
    let hi = this.#order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#orderedBefore(this.#order[mid]!, member, score)) lo = mid + 1;
      else hi = mid;
    }
    this.scores.set(member, score);
    this.#order.splice(lo, 0, member);
    return old === undefined;
  }

  remove(member: string): boolean {
    const i = this.#indexOf(member);
    if (i < 0) return false;
    this.#order.splice(i, 1);
    this.scores.delete(member);
    return true;
  }

  rank(member: string): number {
    return this.#indexOf(member);
  }

  /** Members at ranks start..stop (inclusive, already clamped by the caller). */
  slice(start: number, stop: number): string[] {
    return this.#order.slice(start, stop + 1);
  }

  /** Rank of the first member with score >= min (or > min when exclusive). */
  firstAtLeast(min: number, exclusive: boolean): number {
    let lo = 0;
    let hi = this.#order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const s = this.scores.get(this.#order[mid]!)!;
      if (exclusive ? s <= min : s < min) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Rank after the last member with score <= max (or < max when exclusive). */
  endAtMost(max: number, exclusive: boolean): number {
    let lo = 0;
    let hi = this.#order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const s = this.scores.get(this.#order[mid]!)!;
      if (exclusive ? s < max : s <= max) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Removes the members at ranks start..stop inclusive; returns how many. */
  removeRange(start: number, stop: number): number {
    if (stop < start) return 0;
    const removed = this.#order.splice(start, stop - start + 1);
    for (const m of removed) this.scores.delete(m);
    return removed.length;
  }
}

/**
 * Redis orders equal-score members by their bytes. UTF-16 order equals UTF-8 byte order except
 * between astral characters and U+E000..U+FFFF, which task ids and queue members never contain.
 */
export function compareBytes(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}
