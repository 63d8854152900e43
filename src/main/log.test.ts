import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLog } from './log';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the log file', () => {
  it('keeps one line per event, in order, with its details, in a folder it makes', async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-log-'));
    const log = createLog({ dir: join(dir, 'logs') });
    log.info('ready', { version: '1.0.0' });
    log.warn('screen sharing failed', { error: new Error('Failed to get sources.') });
    log.error('page stopped');
    await log.flush();
    const lines = (await readFile(log.file, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z INFO ready {"version":"1.0.0"}$/);
    expect(lines[1]).toContain('WARN screen sharing failed {"error":{"name":"Error","message":"Failed to get sources."}}');
    expect(lines[2]).toMatch(/ERROR page stopped$/);
  });

  it('moves a full file aside instead of growing without end', async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-log-'));
    const log = createLog({ dir, maxBytes: 200 });
    for (let i = 0; i < 10; i++) log.info(`event ${i}`, { padding: 'x'.repeat(20) });
    await log.flush();
    const current = await readFile(log.file, 'utf8');
    const old = await readFile(join(dir, 'main.old.log'), 'utf8');
    expect(current.length).toBeLessThanOrEqual(200);
    expect(current).toContain('event 9');
    expect(old.length).toBeGreaterThan(0);
  });

  it('never throws when the folder cannot be written', async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-log-'));
    await writeFile(join(dir, 'a-file'), '');
    const log = createLog({ dir: join(dir, 'a-file', 'logs') }); // a folder inside a file: ENOTDIR
    expect(() => log.error('lost')).not.toThrow();
    await expect(log.flush()).resolves.toBeUndefined();
  });
});
