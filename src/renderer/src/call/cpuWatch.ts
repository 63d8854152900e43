/**
 * Asks our camera encoders every few seconds whether CPU is what limits them
 * (`qualityLimitationReason`), and keeps the pressure level the encoding policy steps down for
 * (CpuPressure: up after two readings in a row, down after five clear ones).
 */
import { CpuPressure } from './encodingPolicy';

/** How often the encoders are asked. */
export const CPU_CHECK_MS = 2000;

export class CpuWatch {
  private readonly pressure = new CpuPressure();
  private timer: ReturnType<typeof setInterval> | undefined;

  /** `senders`: the camera senders now; `onChange`: the level moved (re-apply the encodings). */
  constructor(
    private readonly senders: () => RTCRtpSender[],
    private readonly onChange: () => void,
  ) {}

  level(): number {
    return this.pressure.current();
  }

  /** Starts asking (once; later calls do nothing). */
  start(): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => void this.check(), CPU_CHECK_MS);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async check(): Promise<void> {
    const senders = this.senders();
    if (senders.length === 0) return;
    let limited = false;
    for (const sender of senders) {
      try {
        (await sender.getStats()).forEach((report: { type: string; qualityLimitationReason?: string }) => {
          if (report.type === 'outbound-rtp' && report.qualityLimitationReason === 'cpu') limited = true;
        });
      } catch {
        // A connection closing under us: its reading does not count.
      }
    }
    if (this.pressure.observe(limited)) this.onChange();
  }
}
