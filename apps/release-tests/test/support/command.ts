import { stripVTControlCharacters } from 'node:util';
import { execa, type Options } from 'execa';

/**
 * How long one command may run before it counts as hung. A guard, not an estimate: the slowest step
 * (a versioned build and publish) takes about a minute alone and three under CI load; past the guard the
 * command is killed and the step fails naming the command and what it printed, never with a bare timeout.
 */
export const commandGuardMs = 15 * 60_000;

export interface CommandResult {
  exitCode: number | undefined;
  stdout: string;
  /** stdout and stderr interleaved, without colour codes. */
  output: string;
}

/** Runs a command to its end (any exit code is a result), or throws saying which command hung and what it printed. */
export async function runCommand(file: string, args: string[], options: Options = {}): Promise<CommandResult> {
  const result = await execa(file, args, { reject: false, all: true, timeout: commandGuardMs, ...options });
  const output = stripVTControlCharacters(String(result.all ?? ''));
  if (result.timedOut)
    throw new Error(
      `${[file, ...args].join(' ')} (in ${String(options.cwd ?? process.cwd())}) did not finish within ` +
        `${Number(options.timeout ?? commandGuardMs) / 1000} s and was killed; its output so far:\n${output}`,
    );
  return { exitCode: result.exitCode, stdout: String(result.stdout ?? ''), output };
}
