package cn.xiaoan.api.server;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.analytics.sql.AnalystSql;
import cn.xiaoan.api.auth.SessionStore;
import cn.xiaoan.api.auth.UserStore;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import cn.xiaoan.domain.WarehouseLocks;
import java.time.Clock;

/** What the server serves from, made by the composition root (or a test fixture). */
public record ServerServices(
        Warehouse warehouse,
        ReferenceData reference,
        FigureService figures,
        AnalystSql analystSql,
        UserStore users,
        SessionStore sessions,
        Clock clock,
        WarehouseLocks locks) {
    public ServerServices(
            Warehouse warehouse,
            ReferenceData reference,
            FigureService figures,
            AnalystSql analystSql,
            UserStore users,
            SessionStore sessions,
            Clock clock) {
        this(warehouse, reference, figures, analystSql, users, sessions, clock, WarehouseLocks.defaults());
    }

    public ServerServices {
        requireNonNull(locks, "locks");
        requireNonNull(warehouse, "warehouse");
        requireNonNull(reference, "reference");
        requireNonNull(figures, "figures");
        requireNonNull(analystSql, "analystSql");
        requireNonNull(users, "users");
        requireNonNull(sessions, "sessions");
        requireNonNull(clock, "clock");
    }
}
