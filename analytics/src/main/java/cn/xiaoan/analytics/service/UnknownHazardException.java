package cn.xiaoan.analytics.service;

/** No hazard has the school code and id, or the caller's scope does not hold it (the two are not told apart). */
public final class UnknownHazardException extends RuntimeException {
    public UnknownHazardException(String schoolCode, String hazardId) {
        super("Cannot find hazard " + hazardId + " of school " + schoolCode
                + " in the published model (or outside your scope)");
    }
}
