package cn.xiaoan.api;

import cn.xiaoan.api.cli.BatchesCommand;
import cn.xiaoan.api.cli.BuildCommand;
import cn.xiaoan.api.cli.CampaignsCommand;
import cn.xiaoan.api.cli.CommandLogging;
import cn.xiaoan.api.cli.CompletionCommand;
import cn.xiaoan.api.cli.Components;
import cn.xiaoan.api.cli.ComponentsFactory;
import cn.xiaoan.api.cli.DemoCommand;
import cn.xiaoan.api.cli.ExportCommand;
import cn.xiaoan.api.cli.ExportDuckDbCommand;
import cn.xiaoan.api.cli.FiguresCommand;
import cn.xiaoan.api.cli.GcCommand;
import cn.xiaoan.api.cli.GenerateCommand;
import cn.xiaoan.api.cli.IngestCommand;
import cn.xiaoan.api.cli.ReportCommand;
import cn.xiaoan.api.cli.SchoolsCommand;
import cn.xiaoan.api.cli.ServeCommand;
import cn.xiaoan.api.cli.SqlCommand;
import cn.xiaoan.api.cli.TemplateCommand;
import cn.xiaoan.api.cli.TrustCommand;
import cn.xiaoan.api.cli.UserErrorHandler;
import cn.xiaoan.api.cli.UsersCommand;
import cn.xiaoan.api.cli.VersionProvider;
import cn.xiaoan.api.cli.bench.BenchCommand;
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
            CampaignsCommand.class,
            TrustCommand.class,
            ReportCommand.class,
            BatchesCommand.class,
            UsersCommand.class,
            SchoolsCommand.class,
            ServeCommand.class,
            BenchCommand.class,
            SqlCommand.class,
            ExportDuckDbCommand.class,
            ExportCommand.class,
            GcCommand.class,
            CompletionCommand.class,
            CommandLine.HelpCommand.class
        })
public final class XiaoanCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Read through {@code CliOutput.quiet}: inherited, so it may follow any subcommand. */
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
