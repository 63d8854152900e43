/** Still frames from a playing video, at the video's own resolution. */
export function captureFrame(video: HTMLVideoElement, type = 'image/png'): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const context = canvas.getContext('2d');
  if (!context || !canvas.width) return Promise.reject(new Error('There is no video frame to capture yet'));
  context.drawImage(video, 0, 0);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The frame could not be encoded'))), type),
  );
}

/** A file name with the local date and time, safe on every desktop: "Parley Ada 2026-11-24 14.03.07.png". */
export function timestampedName(prefix: string, extension: string, now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}.${pad(now.getMinutes())}.${pad(now.getSeconds())}`;
  const safePrefix = prefix.replace(/[^\p{L}\p{N} _-]/gu, '').trim().slice(0, 40);
  return `${safePrefix || 'Parley'} ${stamp}.${extension}`;
}
