package cn.xiaoan.analytics.campaign;

import static java.util.Objects.requireNonNull;

/** A district (县区) of a campaign's area: its administrative division code and names. */
public record AreaDistrict(String code, LocalizedName name) {
    public AreaDistrict {
        requireNonNull(code, "code");
        requireNonNull(name, "name");
    }
}
