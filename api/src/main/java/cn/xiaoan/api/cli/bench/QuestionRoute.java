package cn.xiaoan.api.cli.bench;

/** The dashboard requests {@code bench questions} draws, one per kind of answer the pages ask the API for. */
enum QuestionRoute {
    /** Overview KPIs, map and breakdown tables: {@code /api/v1/figures}. */
    FIGURES("figures"),
    /** Overview KPI changes: {@code /api/v1/figures/compare}. */
    COMPARE("compare"),
    /** Overview heatmap: {@code /api/v1/heatmap}. */
    HEATMAP("heatmap"),
    /** Overview and goals trends: {@code /api/v1/trends}. */
    TRENDS("trends"),
    /** Hazard list, page 1: {@code /api/v1/hazards}. */
    HAZARDS("hazards"),
    /** School page: {@code /api/v1/schools/{code}}. */
    SCHOOL("school"),
    /** Riskiest schools: {@code /api/v1/schools}. */
    RANKING("ranking"),
    /** Campaign goals: {@code /api/v1/goals}. */
    GOALS("goals"),
    /** Warnings: {@code /api/v1/warnings}. */
    WARNINGS("warnings");

    private final String code;

    QuestionRoute(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }
}
