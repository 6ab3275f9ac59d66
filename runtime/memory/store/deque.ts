/** A double-ended queue on a ring buffer: Redis lists are pushed and popped at both ends in O(1). */
export class Deque {
  #buf: (string | undefined)[] = Array.from({ length: 8 });
  #head = 0;
  #size = 0;

  get length(): number {
    return this.#size;
  }

  #grow(): void {
    const next: (string | undefined)[] = Array.from({ length: this.#buf.length * 2 });
    for (let i = 0; i < this.#size; i++) next[i] = this.#buf[(this.#head + i) % this.#buf.length];
    this.#buf = next;
    this.#head = 0;
  }

  pushFront(value: string): void {
    if (this.#size === this.#buf.length) this.#grow();
    this.#head = (this.#head - 1 + this.#buf.length) % this.#buf.length;
    this.#buf[this.#head] = value;
    this.#size++;
  }

  pushBack(value: string): void {
    if (this.#size === this.#buf.length) this.#grow();
    this.#buf[(this.#head + this.#size) % this.#buf.length] = value;
    this.#size++;
  }

  popFront(): string | undefined {
    if (this.#size === 0) return undefined;
    const v = this.#buf[this.#head];
    this.#buf[this.#head] = undefined;
    this.#head = (this.#head + 1) % this.#buf.length;
    this.#size--;
    return v;
  }

  popBack(): string | undefined {
    if (this.#size === 0) return undefined;
    const i = (this.#head + this.#size - 1) % this.#buf.length;
    const v = this.#buf[i];
    this.#buf[i] = undefined;
    this.#size--;
    return v;
  }

  at(index: number): string | undefined {
    if (index < 0 || index >= this.#size) return undefined;
    return this.#buf[(this.#head + index) % this.#buf.length];
  }

  toArray(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.#size; i++) out.push(this.#buf[(this.#head + i) % this.#buf.length]!);
    return out;
  }

  /** Replaces the contents (for the rare whole-list edits such as LREM). */
  reset(values: readonly string[]): void {
    this.#buf = Array.from({ length: Math.max(8, values.length * 2) });
    this.#head = 0;
    this.#size = 0;
    for (const v of values) this.pushBack(v);
  }
}
