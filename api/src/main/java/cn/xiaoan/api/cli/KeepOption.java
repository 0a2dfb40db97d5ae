package cn.xiaoan.api.cli;

import cn.xiaoan.analytics.publish.ModelRetention;
import picocli.CommandLine.Option;

/** {@code --keep}: how many model versions before the published one are kept by gc and after each build. */
final class KeepOption {
    @Option(
            names = "--keep",
            paramLabel = "N",
            defaultValue = "" + ModelRetention.DEFAULT_KEEP,
            description = "保留当前版本之前的模型版本数（报告固定的版本另行保留） Model versions kept before the published"
                    + " one; versions pinned by reports are kept too (default: ${DEFAULT-VALUE})")
    int keep;
}
