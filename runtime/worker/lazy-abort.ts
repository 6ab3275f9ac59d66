/**
 * An AbortController made only when someone looks at the signal or aborts: most runs finish without
 * either, and a controller + signal per task cost ~3 µs and GC pressure on a no-op handler.
 */
export class LazyAbort {
  #controller: AbortController | null = null;

  get signal(): AbortSignal {
    return (this.#controller ??= new AbortController()).signal;
  }

  get aborted(): boolean {
    return this.#controller?.signal.aborted ?? false;
  }

  abort(reason?: unknown): void {
    (this.#controller ??= new AbortController()).abort(reason);
  }
}
