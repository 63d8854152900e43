/** CPU seconds used so far by every descendant of a process (Linux /proc), e.g. a browser's whole tree. */
import { readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS = 100; // USER_HZ on Linux

interface ProcStat {
  pid: number;
  ppid: number;
  ticks: number;
}

function readStat(pid: string): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: the fields start after the last ")".
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { pid: Number(pid), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined; // the process ended while we looked
  }
}

export function descendantCpuSeconds(root = process.pid): number {
  const all = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(readStat).filter((s): s is ProcStat => s !== undefined);
  const children = new Map<number, ProcStat[]>();
  for (const stat of all) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  let ticks = 0;
  const stack = [...(children.get(root) ?? [])];
  while (stack.length > 0) {
    const stat = stack.pop()!;
    ticks += stat.ticks;
    stack.push(...(children.get(stat.pid) ?? []));
  }
  return ticks / CLOCK_TICKS;
}

/** CPU seconds used so far by one process and its descendants (a server the benchmark started). */
export function treeCpuSeconds(pid: number): number {
  return (readStat(String(pid))?.ticks ?? 0) / CLOCK_TICKS + descendantCpuSeconds(pid);
}
