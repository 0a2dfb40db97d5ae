package cn.xiaoan.api.cli;

import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.analytics.sql.AnalystSql;
import cn.xiaoan.api.auth.SessionStore;
import cn.xiaoan.api.auth.UserStore;
import cn.xiaoan.api.server.ServerServices;
import cn.xiaoan.api.server.ServerSettings;
import cn.xiaoan.api.server.XiaoanServer;
import cn.xiaoan.domain.Warehouse;
import java.util.Optional;

/** The server with the services it owns, started over one warehouse (for serve and the benchmarks). */
public final class RunningServer implements AutoCloseable {
    private final FigureService figures;
    private final AnalystSql analystSql;
    private final XiaoanServer server;

    private RunningServer(FigureService figures, AnalystSql analystSql, XiaoanServer server) {
        this.figures = figures;
        this.analystSql = analystSql;
        this.server = server;
    }

    public static RunningServer start(
            Components components, Warehouse warehouse, UserStore users, ServerSettings settings) {
        var figures = components.figures(warehouse, settings.serving());
        var analystSql = new AnalystSql(warehouse, components.reference(), components.clock());
        var server = new XiaoanServer(
                        settings,
                        new ServerServices(
                                warehouse,
                                components.reference(),
                                figures,
                                analystSql,
                                users,
                                new SessionStore(components.clock(), settings.sessions()),
                                components.clock(),
                                components.locks()))
                .start();
        return new RunningServer(figures, analystSql, server);
    }

    public FigureService figures() {
        return figures;
    }

    /** The model version whose overview answers the server has computed ahead, if any yet. */
    public Optional<Long> overviewWarmedVersion() {
        return server.warmedVersion();
    }

    int port() {
        return server.port();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        try (figures;
                analystSql) {
            server.close();
        }
    }
}
