package cn.xiaoan.api.cli;

import cn.xiaoan.api.Components;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code xiaoan} command. */
@Command(
        name = "xiaoan",
        mixinStandardHelpOptions = true,
        version = "xiaoan 0.1.0",
        description = {"校安：学校安全隐患排查整治数据仓库与分析服务", "xiaoan: school safety hazard analytics warehouse"},
        subcommands = {
            DemoCommand.class,
            GenerateCommand.class,
            IngestCommand.class,
            BuildCommand.class,
            FiguresCommand.class,
            ReportCommand.class,
            BatchesCommand.class,
            UsersCommand.class,
            SchoolsCommand.class,
            ServeCommand.class,
            BenchCommand.class,
            SqlCommand.class,
            ExportDuckDbCommand.class,
            GcCommand.class,
            CommandLine.HelpCommand.class
        })
public final class XiaoanCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command line whose commands receive the composition root through their constructors. */
    public static CommandLine commandLine(Components components) {
        var commandLine = new CommandLine(new XiaoanCommand(), new ComponentsFactory(components));
        commandLine.setExecutionExceptionHandler(new UserErrorHandler());
        return commandLine;
    }
}
