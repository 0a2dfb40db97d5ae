package cn.xiaoan.analytics.service;

/** No registered school has the code, or the caller's scope does not hold it (the two are not told apart). */
public final class UnknownSchoolException extends RuntimeException {
    private final String code;

    public UnknownSchoolException(String code) {
        super("Cannot find school " + code + " in the register of the published model (or outside your scope)");
        this.code = code;
    }

    public String code() {
        return code;
    }
}
