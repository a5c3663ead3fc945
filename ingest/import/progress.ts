/**
 * A one-line progress bar on stderr when it is a terminal (redrawn at most 10 times a second); nothing when
 * stderr is a file or a pipe, so logs stay clean.
 */
export class ProgressBar {
  readonly #stream: NodeJS.WriteStream;
  readonly #enabled: boolean;
  #last = 0;
  #drawn = false;
  readonly #started = performance.now();

  constructor(stream: NodeJS.WriteStream = process.stderr, enabled = Boolean(stream.isTTY)) {
    this.#stream = stream;
    this.#enabled = enabled;
  }

  update(fraction: number, label: string, force = false): void {
    if (!this.#enabled) return;
    const now = performance.now();
    if (!force && now - this.#last < 100) return;
    this.#last = now;
    const width = 28;
    const f = Math.max(0, Math.min(1, fraction));
    const filled = Math.round(f * width);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const line = `${bar} ${(f * 100).toFixed(0).padStart(3)}%  ${label}`;
    const cols = this.#stream.columns ?? 120;
    this.#stream.write(`\r${line.slice(0, cols - 1)}\x1b[K`);
    this.#drawn = true;
  }

  /** Clears the bar so normal output can follow. */
  done(): void {
    if (this.#enabled && this.#drawn) this.#stream.write('\r\x1b[K');
    this.#drawn = false;
  }

  get elapsedSeconds(): number {
    return (performance.now() - this.#started) / 1000;
  }
}
