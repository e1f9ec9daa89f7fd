// The `gongkai` command.
import { Command, Option } from 'commander';
import { reportCliError } from './errors.ts';
import { registerReportCommands } from './report-commands.ts';
import { registerServerCommands } from './server-commands.ts';
import { registerUnitCommands } from './units-commands.ts';
import { registerAuditCommands } from './audit-commands.ts';
import { registerKeyCommands } from './keys-commands.ts';
import { registerUserCommands } from './users-commands.ts';
import { registerBackupCommands } from './backup-commands.ts';
import { registerClockCommands } from './clock-commands.ts';
import { registerCheckCommands } from './check-commands.ts';
import { registerCalendarCommands } from './calendar-commands.ts';
import { registerSearchCommands } from './search-commands.ts';
import { registerAssessCommands } from './assess-commands.ts';

const program = new Command('gongkai')
  .description('公开（Gongkai）：政府信息公开平台的命令行工具')
  .helpCommand('help [命令]', '显示命令的帮助')
  .helpOption('-h, --help', '显示帮助')
  .showHelpAfterError('（使用 --help 查看用法）')
  .addOption(new Option('-V, --version', '显示版本号').hideHelp(false))
  .on('option:version', () => {
    process.stdout.write('0.1.0\n');
    process.exit(0);
  });

registerServerCommands(program);
registerReportCommands(program);
registerUnitCommands(program);
registerAuditCommands(program);
registerKeyCommands(program);
registerUserCommands(program);
registerBackupCommands(program);
registerClockCommands(program);
registerCheckCommands(program);
registerCalendarCommands(program);
registerSearchCommands(program);
registerAssessCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportCliError(error);
}
