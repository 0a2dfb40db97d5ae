package cn.xiaoan.domain;

/** The returns a bureau submits, each stored as its own append-only dataset in the warehouse. */
public enum Dataset implements Coded {
    /** 学校名册: the school register. */
    SCHOOLS("schools", "学校名册"),
    /** 隐患台账: the hazard ledger, one row per hazard per snapshot. */
    LEDGER("ledger", "隐患台账"),
    /** 检查记录: one row per inspection visit, so a visit that found nothing still counts. */
    INSPECTIONS("inspections", "检查记录"),
    /** 安防设施调查: the six 100% indicators per school and survey date. */
    SURVEYS("surveys", "安防设施调查"),
    /** 应急演练记录: one row per drill. */
    DRILLS("drills", "应急演练记录");

    private final String directory;
    private final String nameZh;

    Dataset(String directory, String nameZh) {
        this.directory = directory;
        this.nameZh = nameZh;
    }

    @Override
    public String code() {
        return name();
    }

    /** The lower-case name used on the command line and as the warehouse directory. */
    public String directory() {
        return directory;
    }

    public String nameZh() {
        return nameZh;
    }

    public static Dataset fromDirectory(String name) {
        for (Dataset dataset : values()) {
            if (dataset.directory.equalsIgnoreCase(name) || dataset.name().equalsIgnoreCase(name)) {
                return dataset;
            }
        }
        throw new IllegalArgumentException(
                "Cannot find dataset \"" + name + "\": expected one of schools, ledger, inspections, surveys, drills");
    }
}
