import { useEffect, useRef } from 'react';

interface VideoTileProps {
  stream: MediaStream | null;
  name: string;
  /** Our own preview: mirrored and muted so we do not hear ourselves. */
  isSelf?: boolean;
  /** Shown over the tile until the peer connection is up. */
  status?: string | null;
  peerId?: string;
}

export function VideoTile({ stream, name, isSelf = false, status = null, peerId }: VideoTileProps) {
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    const element = video.current;
    if (element && element.srcObject !== stream) element.srcObject = stream;
  }, [stream]);

  const hasVideo = stream?.getVideoTracks().some((track) => track.readyState === 'live') ?? false;
  const label = isSelf ? `${name} (you)` : name;
  return (
    <figure className={`tile${isSelf ? ' tile--self' : ''}`} aria-label={label} data-peer-id={peerId}>
      <video ref={video} autoPlay playsInline muted={isSelf} aria-hidden={!hasVideo} />
      {!hasVideo && (
        <div className="tile__placeholder" aria-hidden="true">
          {name.trim().charAt(0).toUpperCase() || '?'}
        </div>
      )}
      {status && (
        <p className="tile__status" role="status">
          {status}
        </p>
      )}
      <figcaption className="tile__name">{label}</figcaption>
    </figure>
  );
}
