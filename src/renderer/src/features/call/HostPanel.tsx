import type { HostingStatus } from '../../../../shared/ipc';

/** While hosting: the addresses others type (or open in a browser) to join this room. */
export function HostPanel({ hosting, room }: { hosting: HostingStatus; room: string }) {
  return (
    <section className="host-panel" aria-label="Invite others">
      <h2>You are hosting. Others can join at:</h2>
      <ul>
        {hosting.addresses.map((address) => (
          <li key={address}>
            <code>{address}</code>
            <span className="host-panel__hint"> (room “{room}”)</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
