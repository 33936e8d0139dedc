import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HostError } from '../../../electron/contract';
import { createFileSaver, safeFileName } from '../../../electron/services/files';
import { bytesOf, tempDir } from './helpers';

describe('files', () => {
  it.each([
    ['受理通知书.pdf', '受理通知书.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\win.ini', 'win.ini'],
    ['a:b*c?.pdf', 'a_b_c_.pdf'],
    ['CON', '_CON'], // a Windows device name would write to the console, not a file
    ['report. ', 'report'], // Windows strips trailing dots and spaces: say so up front
    ['..', 'file'],
  ])('safeFileName(%j) = %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('never overwrites: a second save gets a counter', async () => {
    const folder = await tempDir();
    const saver = createFileSaver();
    await writeFile(join(folder, '回执.pdf'), 'older');
    const path = await saver.saveInto(folder, '回执.pdf', bytesOf('newer'));
    expect(path).toBe(join(folder, '回执 (2).pdf'));
    expect(await readFile(join(folder, '回执.pdf'), 'utf8')).toBe('older');
  });

  it('refuses a relative or missing folder with typed errors', async () => {
    const saver = createFileSaver();
    await expect(saver.saveInto('relative/dir', 'a.txt', bytesOf('x'))).rejects.toBeInstanceOf(
      HostError,
    );
    await expect(
      saver.saveInto(join(await tempDir(), 'missing'), 'a.txt', bytesOf('x')),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
