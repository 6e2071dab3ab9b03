import { InputError, isInputError, PROFILE_NAMES, RULES, SEVERITIES } from '@eugate/core';
import { Command, CommanderError, Option } from 'commander';
import { runReport } from './commands/report.js';
import { explainRule, renderRulesList } from './commands/rules.js';
import { CONFIG_FILE_NAMES, runScan, type ScanOptions } from './commands/scan.js';
import { describeArtifactKinds } from './input/artifact-kinds.js';
import { FORMAT_NAMES, planOutputs } from './output/formats.js';
import { VERSION } from './version.js';

export interface CliIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTty: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * The command line. Returns the exit code: 0 pass, 1 policy failure, 2 usage or input error,
 * 3 internal error (a bug in eugate: please report it). Never throws, never calls process.exit.
 */
export function runCli(argv: readonly string[], io: CliIo): number {
  const debug = argv.includes('--debug');
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    program.parse(argv as string[], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander has already printed its message (usage errors) or the help/version text.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (isInputError(error)) {
      io.stderr(`eugate: ${error.message}\n`);
      if (debug && error.stack !== undefined) io.stderr(`${error.stack}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`eugate: internal error: ${message}\n`);
    io.stderr(
      debug && error instanceof Error
        ? `${error.stack}\n`
        : 'Run again with --debug for details, and please report it.\n',
    );
    return 3;
  }
}

const FORMAT_HELP = `report formats, comma-separated or repeated: ${FORMAT_NAMES.join(', ')} (default: text)`;
const OUTPUT_HELP =
  'write a report to a file instead of standard output: <file> for the only format, or <format>=<file>, repeated (e.g. sarif=eugate.sarif)';
const BASELINE_HELP =
  'a previous JSON report: findings already in it are reported but do not fail the gate, only new ones do';

/** Repeatable option; no default given to commander, so `--help` does not print `(default: [])`. */
function collect(value: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function buildProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  const program = new Command('eugate')
    .description(
      'Gate infrastructure-as-code deployments on GDPR: personal data outside the allowed jurisdictions, unencrypted, or exposed.',
    )
    .version(VERSION, '-V, --version')
    .option('--debug', 'print stack traces for errors')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run `eugate --help` for usage)')
    .addHelpText(
      'after',
      '\nExit codes: 0 no blocking finding · 1 policy failure · 2 usage or input error · 3 internal error.',
    );

  program
    .command('scan')
    .description('Scan deployment artifacts and report findings.')
    .argument('<paths...>', `files or directories: ${describeArtifactKinds()}`)
    .option('-f, --format <formats>', FORMAT_HELP, collect)
    .option('-o, --output <[format=]file>', OUTPUT_HELP, collect)
    .option('--baseline <report.json>', BASELINE_HELP)
    .addOption(
      new Option('-p, --profile <profile>', "residency profile (default: eu, or the config file's)").choices([
        ...PROFILE_NAMES,
      ]),
    )
    .option(
      '-c, --config <file>',
      `config file (default: ${CONFIG_FILE_NAMES.join(', ')} in the working directory)`,
    )
    .addOption(
      new Option('--fail-on <severity>', 'lowest severity that fails the gate (default: low)').choices([
        ...SEVERITIES,
      ]),
    )
    .addOption(
      new Option(
        '--unknown <mode>',
        'whether findings that cannot be decided fail the gate (default: fail)',
      ).choices(['fail', 'warn']),
    )
    .option(
      '--region <region>',
      "region of CloudFormation templates, which do not state one (default: the config's `region`)",
    )
    .option(
      '--stack-config <file>',
      "Pulumi stack config (Pulumi.<stack>.yaml) giving the default providers' aws:region / azure-native:location (default: the one beside the preview or export)",
    )
    .option(
      '--location <location>',
      "location of the resource group ARM templates are deployed to: the value of resourceGroup().location (default: the config's `location`)",
    )
    .option('--date <YYYY-MM-DD>', 'judge waiver expiry as of this date (default: today, UTC)')
    .option('--no-color', 'no colours in the text report (also: NO_COLOR=1)')
    .action((paths: string[], raw: Record<string, unknown>) => {
      const date = raw.date as string | undefined;
      if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
        throw new InputError('EUGATE_USAGE', '--date', `"${date}" is not a date of the form YYYY-MM-DD`);
      }
      const options: ScanOptions = {
        outputs: planOutputs(
          (raw.format as string[] | undefined) ?? [],
          (raw.output as string[] | undefined) ?? [],
          'text',
        ),
        color: (raw.color as boolean) && io.isTty && io.env.NO_COLOR === undefined,
        ...(raw.baseline !== undefined && { baseline: raw.baseline as string }),
        ...(raw.profile !== undefined && { profile: raw.profile as string }),
        ...(raw.config !== undefined && { config: raw.config as string }),
        ...(raw.failOn !== undefined && { failOn: raw.failOn as string }),
        ...(raw.unknown !== undefined && { unknown: raw.unknown as string }),
        ...(date !== undefined && { date }),
        ...(raw.region !== undefined && { region: raw.region as string }),
        ...(raw.stackConfig !== undefined && { stackConfig: raw.stackConfig as string }),
        ...(raw.location !== undefined && { location: raw.location as string }),
      };
      setExitCode(runScan(paths, options, io.cwd, io.stdout));
    });

  program
    .command('report')
    .description(
      'Render a JSON report saved by `eugate scan --format json` in other formats, without scanning again.',
    )
    .argument('<report.json>', 'a report written by `eugate scan --format json`')
    .option('-f, --format <formats>', FORMAT_HELP, collect)
    .option('-o, --output <[format=]file>', OUTPUT_HELP, collect)
    .option('--baseline <report.json>', BASELINE_HELP)
    .option('--no-color', 'no colours in the text report (also: NO_COLOR=1)')
    .action((file: string, raw: Record<string, unknown>) => {
      const outputs = planOutputs(
        (raw.format as string[] | undefined) ?? [],
        (raw.output as string[] | undefined) ?? [],
        'text',
      );
      setExitCode(
        runReport(
          file,
          {
            outputs,
            color: (raw.color as boolean) && io.isTty && io.env.NO_COLOR === undefined,
            ...(raw.baseline !== undefined && { baseline: raw.baseline as string }),
          },
          io.cwd,
          io.stdout,
        ),
      );
    });

  program
    .command('rules')
    .description('List the rule catalogue.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((raw: { format: 'text' | 'json' }) => {
      io.stdout(renderRulesList(raw.format));
    });

  program
    .command('explain')
    .description(
      "Print a rule's documentation: rationale, legal basis, what passes and fails, how to fix it.",
    )
    .argument('<rule-id>', `one of ${RULES.map((rule) => rule.meta.id).join(', ')}`)
    .action((id: string) => {
      const doc = explainRule(id);
      if (doc === undefined) {
        throw new InputError('EUGATE_USAGE', id, `no such rule (run \`eugate rules\` for the list)`);
      }
      io.stdout(doc);
    });

  return program;
}
