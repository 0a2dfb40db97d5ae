package cn.xiaoan.analytics.service;

/**
 * The time-to-rectify history of one category and severity: how many hazards, how many rectified, the median days
 * (null when fewer than half were rectified), and the curve the outlook used for it: its own, or a coarser one when it
 * holds fewer than {@link OutlookService#MIN_STRATUM} hazards.
 */
public record OutlookStratum(
        String category, String severity, long hazards, long rectified, Integer medianDays, StratumLevel curve) {
    /** Which history a stratum's projection is drawn from. */
    public enum StratumLevel {
        /** Its own category and severity. */
        CATEGORY_AND_SEVERITY("本类别本等级", "Own category and severity"),
        /** Every category of its severity. */
        SEVERITY("同等级全部类别", "All categories of its severity"),
        /** Every hazard of the campaign's history. */
        ALL("全部隐患", "All hazards");

        private final String nameZh;
        private final String nameEn;

        StratumLevel(String nameZh, String nameEn) {
            this.nameZh = nameZh;
            this.nameEn = nameEn;
        }

        public String nameZh() {
            return nameZh;
        }

        public String nameEn() {
            return nameEn;
        }
    }
}
