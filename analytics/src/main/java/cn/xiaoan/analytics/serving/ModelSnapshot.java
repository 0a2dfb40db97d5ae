package cn.xiaoan.analytics.serving;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Member;
import cn.xiaoan.analytics.figure.ModelFacts;
import cn.xiaoan.analytics.figure.ModelVersion;
import java.time.LocalDate;
import java.util.List;

/**
 * The published model version one request reads, taken once at its start ({@code FigureService.snapshot()}): every
 * default and every figure of the request comes from it, so a publish meanwhile cannot mix two versions under one
 * version stamp.
 */
public final class ModelSnapshot implements ModelFacts {
    private final ServingModel model;
    private final LocalDate defaultAsOf;

    public ModelSnapshot(ServingModel model, LocalDate defaultAsOf) {
        this.model = requireNonNull(model, "model");
        this.defaultAsOf = requireNonNull(defaultAsOf, "defaultAsOf");
    }

    @Override
    public ModelVersion version() {
        return model.version();
    }

    @Override
    public LocalDate defaultAsOf() {
        return defaultAsOf;
    }

    @Override
    public List<Member> members(Dimension dimension) {
        return model.members(dimension);
    }

    /** The serving model this snapshot reads, for the services that query it. */
    public ServingModel model() {
        return model;
    }
}
