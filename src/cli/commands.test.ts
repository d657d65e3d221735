/**
 * The overview (`lagebild --help`) is built from the lines in commands.ts without loading the
 * commands: they must say what the loaded commands say of themselves.
 */
import { Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandName } from './commands.ts';

describe('the command list', () => {
  it.each(Object.entries(COMMANDS))('lists %s as the command describes itself', async (name, entry) => {
    const cmd = await entry.load();
    expect(cmd.name()).toBe(name);
    expect(entry.term).toBe(new Help().subcommandTerm(cmd));
    expect(entry.description).toBe(cmd.description());
  });

  it('finds the command after the global options and after help', () => {
    expect(commandName(['--db', 'areas', 'report', '--out', 'x'])).toBe('report');
    expect(commandName(['--json', 'areas', 'list'])).toBe('areas');
    expect(commandName(['help', 'import'])).toBe('import');
    expect(commandName(['help'])).toBeNull();
    expect(commandName(['--help'])).toBeNull();
    expect(commandName(['frobnicate'])).toBeNull();
    expect(commandName(['toString'])).toBeNull();
  });
});
