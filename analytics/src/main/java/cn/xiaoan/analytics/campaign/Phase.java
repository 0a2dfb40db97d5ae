package cn.xiaoan.analytics.campaign;

import static java.util.Objects.requireNonNull;

/** A stage of a campaign (动员部署, 排查整治, 集中攻坚, ...) and its days. */
public record Phase(LocalizedName name, DateRange dates) {
    public Phase {
        requireNonNull(name, "name");
        requireNonNull(dates, "dates");
    }
}
