/** Three bars in a tile's corner: how the connection to that participant is doing, said in words on hover and to screen readers. */
import type { QualityLevel } from '../../call/connectionQuality';

const LIT: Record<QualityLevel, number> = { good: 3, fair: 2, poor: 1 };

export function ConnectionBars({ level, description }: { level: QualityLevel; description: string }) {
  return (
    <span className={`tile__connection tile__connection--${level}`} role="img" aria-label={description} title={description} data-quality={level}>
      <svg viewBox="0 0 12 12" aria-hidden="true" focusable="false">
        {[0, 1, 2].map((bar) => (
          <rect key={bar} x={1 + bar * 4} y={8 - bar * 3} width="2.5" height={3 + bar * 3} rx="0.6" className={bar < LIT[level] ? 'tile__bar--lit' : 'tile__bar'} />
        ))}
      </svg>
    </span>
  );
}
