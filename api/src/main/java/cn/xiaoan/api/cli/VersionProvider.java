package cn.xiaoan.api.cli;

import cn.xiaoan.analytics.publish.PublishedModel;
import cn.xiaoan.domain.Warehouse;
import java.util.OptionalLong;
import picocli.CommandLine;

/**
 * {@code xiaoan --version}: the application's version (from the jar's manifest) and the model version published in
 * the default warehouse ({@code $XIAOAN_WAREHOUSE}, else data/warehouse), the two things a support question needs.
 */
public final class VersionProvider implements CommandLine.IVersionProvider {
    private final Components components;

    VersionProvider(Components components) {
        this.components = components;
    }

    @Override
    public String[] getVersion() {
        String application = VersionProvider.class.getPackage().getImplementationVersion();
        Warehouse warehouse = components.warehouse(null);
        OptionalLong model = PublishedModel.currentVersion(warehouse);
        return new String[] {
            "xiaoan " + (application != null ? application : "(未打包的开发版本 development build, not from the jar)"),
            model.isPresent()
                    ? "模型版本 model version " + model.getAsLong() + "（仓库 warehouse " + warehouse.root() + "）"
                    : "尚未发布模型 no model published yet（仓库 warehouse " + warehouse.root() + "）",
            "Java " + Runtime.version()
        };
    }
}
