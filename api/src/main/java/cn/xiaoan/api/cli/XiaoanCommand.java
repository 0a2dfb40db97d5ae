package cn.xiaoan.api.cli;

import cn.xiaoan.api.Components;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code xiaoan} command. */
@Command(
        name = "xiaoan",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"校安：学校安全隐患排查整治数据仓库与分析服务", "xiaoan: school safety hazard analytics warehouse"},
        subcommands = {
            DemoCommand.class,
            GenerateCommand.class,
            IngestCommand.class,
            TemplateCommand.class,
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
            CompletionCommand.class,
            CommandLine.HelpCommand.class
        })
public final class XiaoanCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Read through {@link CliOutput#quiet}: inherited, so it may follow any subcommand. */
    @CommandLine.Option(
            names = {"-q", "--quiet"},
            scope = CommandLine.ScopeType.INHERIT,
            description = "安静模式：不显示进度条和完成摘要，只输出数据和错误 Quiet: no progress bar or summary, only data and errors")
    boolean quiet;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command line whose commands receive the composition root through their constructors. */
    public static CommandLine commandLine(Components components) {
        var commandLine = new CommandLine(new XiaoanCommand(), new ComponentsFactory(components));
        commandLine.setExecutionExceptionHandler(new UserErrorHandler());
        commandLine.setExecutionStrategy(parseResult -> {
            CommandLogging.apply(parseResult);
            return new CommandLine.RunLast().execute(parseResult);
        });
        return commandLine;
    }
}
