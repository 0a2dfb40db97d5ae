package cn.xiaoan.analytics.publish;

import java.nio.file.Path;

/** Figures were asked for before any model was published in the warehouse. */
public final class ModelNotBuiltException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelNotBuiltException(Path warehouse) {
        super("Cannot compute figures: no model has been built yet in " + warehouse + ": run bin/xiaoan build");
    }
}
