// A one-line progress bar on stderr (only when it is a terminal, so logs stay clean).
export class ProgressBar {
  private done_ = 0;
  private lastDraw = 0;
  constructor(
    private readonly total: number,
    private readonly out = process.stderr,
  ) {}

  tick(amount: number): void {
    this.done_ += amount;
    const now = Date.now();
    if (now - this.lastDraw > 100) {
      this.lastDraw = now;
      this.draw();
    }
  }

  done(): void {
    this.done_ = this.total;
    this.draw();
    if (this.out.isTTY) this.out.write("\n");
  }

  private draw(): void {
    if (!this.out.isTTY) return;
    const ratio = this.total > 0 ? Math.min(1, this.done_ / this.total) : 1;
    const width = 30;
    const filled = Math.round(ratio * width);
    this.out.write(
      `\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}%`,
    );
  }
}
