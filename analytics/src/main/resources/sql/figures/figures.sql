-- Every figure of docs/FIGURES.md "Definitions", for one period P = [:period_start, :period_end] and one
-- as-of date D = :as_of, broken down by any combination of dimensions and filtered by any of them. This file is the
-- one definition of each figure; both engines run it as it is.
--
-- Slots ({{...}}) are filled from the Dimension registry only, never from request text:
--   {{<dim>_members}}     <dim>_members when the dimension is a breakdown, else no_member (one NULL member)
--   {{<dim>_key}}         the fact column holding the dimension's code, else null
--   {{<dim>_school_key}}  for district, school_type, boarding: the school's code, else null
--   {{<time>_event_key}}  for month, quarter, year: the event month's code, else null
--   {{<dim>_risk_key}}    for district and school_type: the school's code, else null (risk_index divides by
--                         the schools of the cell's district and school type only)
--   {{<dim>_group}}       in the groups: k_<dim> when the dimension is a breakdown, else null
--   {{group_keys}}        the breakdown's keys (k_district when there is none: null for every row, one group), as
--                         grouping by the constant keys of the other dimensions too costs a third of the question
--   {{facts}}             hazard_facts, or the smallest hazard cube holding the question's dimensions when P and D
--                         are month-aligned (see model/hazard_cube.sql)
--   {{hazard_groups}}     hazard_groups (from {{facts}}), or asof_groups (from {{asof_cube}}, the as-of cube)
--   {{asof_cube}}         hazard_asof_cube
-- FigureQuery drops the section (/* section x */ … /* end x */) of the groups not joined, and those of the figures
-- (figure_<code>, one output column each) a question does not ask for, so that it plans and computes only what it
-- reads: DuckDB then leaves out the aggregates and per-hazard states no remaining column uses. Without a school-based
-- figure the school parts and their joins go too (school_parts, school_joins), without risk_index its denominator
-- (risk_schools, risk_join).
--   {{school_figures}}    false when a hazard dimension (category, severity, inspection type) filters the question:
--                         school-based figures (coverage, drills, six 100%) are not defined for a hazard subset
-- Filters are bound text parameters :f_<dim>, each ',CODE1,CODE2,' or '' for no filter.
-- Every breakdown cell is present (the cross product of the dimensions' members, time members being the months,
-- quarters or years that overlap P), so a cell without hazards reads 0 and an undefined rate reads NULL.
-- Time breakdowns are by the month, quarter or year of found_date (of the visit or drill for school figures);
-- a stock such as open is then the hazards found in that month that are open at D.
WITH
no_member AS (
    SELECT CAST(NULL AS STRING) AS code, 0 AS sort_order
),
district_members AS (
    SELECT code, sort_order FROM dim_district
    WHERE (:f_district = '' OR instr(:f_district, ',' || code || ',') > 0)
),
school_type_members AS (
    SELECT code, sort_order FROM dim_school_type
    WHERE (:f_school_type = '' OR instr(:f_school_type, ',' || code || ',') > 0)
),
boarding_members AS (
    SELECT code, sort_order FROM dim_boarding
    WHERE (:f_boarding = '' OR instr(:f_boarding, ',' || code || ',') > 0)
),
category_members AS (
    SELECT code, sort_order FROM dim_category
    WHERE (:f_category = '' OR instr(:f_category, ',' || code || ',') > 0)
),
severity_members AS (
    SELECT code, sort_order FROM dim_severity
    WHERE (:f_severity = '' OR instr(:f_severity, ',' || code || ',') > 0)
),
inspection_type_members AS (
    SELECT code, sort_order FROM dim_inspection_type
    WHERE (:f_inspection_type = '' OR instr(:f_inspection_type, ',' || code || ',') > 0)
),
month_members AS (
    SELECT month_code AS code, sort_order FROM dim_month
    WHERE month_end >= :period_start AND month_start <= :period_end
),
quarter_members AS (
    SELECT quarter_code AS code, MIN(sort_order) AS sort_order FROM dim_month
    WHERE month_end >= :period_start AND month_start <= :period_end
    GROUP BY quarter_code
),
year_members AS (
    SELECT year_code AS code, MIN(sort_order) AS sort_order FROM dim_month
    WHERE month_end >= :period_start AND month_start <= :period_end
    GROUP BY year_code
),
cells AS (
    SELECT
        m_district.code AS k_district,
        m_school_type.code AS k_school_type,
        m_boarding.code AS k_boarding,
        m_category.code AS k_category,
        m_severity.code AS k_severity,
        m_inspection_type.code AS k_inspection_type,
        m_month.code AS k_month,
        m_quarter.code AS k_quarter,
        m_year.code AS k_year,
        m_district.sort_order AS o_district,
        m_school_type.sort_order AS o_school_type,
        m_boarding.sort_order AS o_boarding,
        m_category.sort_order AS o_category,
        m_severity.sort_order AS o_severity,
        m_inspection_type.sort_order AS o_inspection_type,
        m_month.sort_order AS o_month,
        m_quarter.sort_order AS o_quarter,
        m_year.sort_order AS o_year
    FROM {{district_members}} m_district
    CROSS JOIN {{school_type_members}} m_school_type
    CROSS JOIN {{boarding_members}} m_boarding
    CROSS JOIN {{category_members}} m_category
    CROSS JOIN {{severity_members}} m_severity
    CROSS JOIN {{inspection_type_members}} m_inspection_type
    CROSS JOIN {{month_members}} m_month
    CROSS JOIN {{quarter_members}} m_quarter
    CROSS JOIN {{year_members}} m_year
),
/* section hazard_groups */
-- Hazards (or cube rows standing for several) in the question's filters, keyed by the breakdown.
facts AS (
    SELECT
        {{district_key}} AS k_district,
        {{school_type_key}} AS k_school_type,
        {{boarding_key}} AS k_boarding,
        {{category_key}} AS k_category,
        {{severity_key}} AS k_severity,
        {{inspection_type_key}} AS k_inspection_type,
        {{month_key}} AS k_month,
        {{quarter_key}} AS k_quarter,
        {{year_key}} AS k_year,
        f.severity,
        f.found_date,
        f.deadline,
        f.rectified_date,
        f.days_to_rectify,
        f.hazards,
        f.self_hazards,
        f.on_time_hazards,
        f.closed_date,
        f.days_to_close
    FROM {{facts}} f
    -- A hazard found after both D and the end of P is in no state below: each state needs found_date, or a deadline
    -- or rectified_date (never before found_date: ingest rejects those rows, DATE_ORDER), on or before one of them.
    -- Leaving it out here lets a scan of facts held in found-date order skip the row groups after that day.
    WHERE f.found_date <= GREATEST(:as_of, :period_end)
        AND (:f_district = '' OR instr(:f_district, ',' || f.district_code || ',') > 0)
        AND (:f_school_type = '' OR instr(:f_school_type, ',' || f.school_type || ',') > 0)
        AND (:f_boarding = '' OR instr(:f_boarding, ',' || f.boarding || ',') > 0)
        AND (:f_category = '' OR instr(:f_category, ',' || f.category || ',') > 0)
        AND (:f_severity = '' OR instr(:f_severity, ',' || f.severity || ',') > 0)
        AND (:f_inspection_type = '' OR instr(:f_inspection_type, ',' || f.inspection_type || ',') > 0)
),
-- Each hazard's state for P and D (1 or 0), the words of docs/FIGURES.md beside each:
hazard_states AS (
    SELECT
        k_district, k_school_type, k_boarding, k_category, k_severity, k_inspection_type, k_month, k_quarter, k_year,
        hazards,
        self_hazards,
        on_time_hazards,
        days_to_rectify,
        days_to_close,
        -- found: found_date in P
        CASE WHEN found_date >= :period_start AND found_date <= :period_end THEN 1 ELSE 0 END AS is_found,
        -- open at D (dialect/functions.sql); not limited to P
        CASE WHEN is_open_at(found_date, rectified_date, :as_of) THEN 1 ELSE 0 END AS is_open,
        -- overdue at D: open and deadline < D; an item without a deadline is never overdue
        CASE WHEN is_overdue_at(found_date, rectified_date, deadline, :as_of) THEN 1 ELSE 0 END AS is_overdue,
        -- the risk weight of an open hazard (GENERAL 1, MAJOR 5, doubled when overdue)
        risk_weight(severity, is_overdue_at(found_date, rectified_date, deadline, :as_of)) AS risk_weight,
        -- on_time_rate's population: deadline <= D
        CASE WHEN deadline <= :as_of THEN 1 ELSE 0 END AS is_due,
        -- rectified: rectified_date <= D
        CASE WHEN rectified_date <= :as_of THEN 1 ELSE 0 END AS is_rectified_by_as_of,
        CASE WHEN severity = 'MAJOR' THEN 1 ELSE 0 END AS is_major,
        -- legacy: found before the campaign baseline
        CASE WHEN found_date < campaign_baseline() THEN 1 ELSE 0 END AS is_legacy,
        -- stock_flow opening: open at the day before P starts (:day_before_period)
        CASE WHEN is_open_at(found_date, rectified_date, :day_before_period) THEN 1 ELSE 0 END AS is_opening,
        -- stock_flow resolved: rectified_date in P
        CASE WHEN rectified_date >= :period_start AND rectified_date <= :period_end THEN 1 ELSE 0 END AS is_resolved,
        -- stock_flow closing: open at the end of P
        CASE WHEN is_open_at(found_date, rectified_date, :period_end) THEN 1 ELSE 0 END AS is_closing,
        -- closed (销号, signed off): closed_date <= D
        CASE WHEN closed_date <= :as_of THEN 1 ELSE 0 END AS is_closed_by_as_of,
        -- rectified_not_closed at D: rectified_date <= D and (closed_date is null or > D); not limited to P
        CASE WHEN rectified_date <= :as_of AND (closed_date IS NULL OR closed_date > :as_of) THEN 1 ELSE 0 END
            AS is_rectified_not_closed,
        -- due_on_time_rate's population: deadline in P and deadline <= D, whenever the hazard was found
        CASE WHEN deadline >= :period_start AND deadline <= :period_end AND deadline <= :as_of THEN 1 ELSE 0 END
            AS is_due_in_period
    FROM facts
),
hazard_groups AS (
    SELECT
        {{district_group}} AS k_district, {{school_type_group}} AS k_school_type, {{boarding_group}} AS k_boarding,
        {{category_group}} AS k_category, {{severity_group}} AS k_severity,
        {{inspection_type_group}} AS k_inspection_type, {{month_group}} AS k_month, {{quarter_group}} AS k_quarter,
        {{year_group}} AS k_year,
        SUM(hazards * is_found) AS found,
        SUM(hazards * is_found * is_major) AS major_found,
        SUM(hazards * is_found * is_rectified_by_as_of) AS rectified,
        SUM(hazards * is_found * is_due) AS found_due,
        -- on time: rectified_date <= deadline (on_time_hazards counts those)
        SUM(on_time_hazards * is_found * is_due) AS found_due_on_time,
        SUM(CASE WHEN is_found = 1 AND is_rectified_by_as_of = 1 THEN days_to_rectify ELSE 0 END) AS rectify_days,
        -- found by 自查 (self_hazards counts those)
        SUM(self_hazards * is_found) AS self_found,
        SUM(hazards * is_open) AS open_hazards,
        SUM(hazards * is_overdue) AS overdue,
        SUM(hazards * is_open * is_major) AS major_open,
        SUM(hazards * is_open * is_major * is_legacy) AS legacy_major_open,
        SUM(hazards * is_open * risk_weight) AS risk_points,
        SUM(hazards * is_opening) AS opening,
        SUM(hazards * is_resolved) AS resolved,
        SUM(hazards * is_closing) AS closing,
        SUM(hazards * is_found * is_closed_by_as_of) AS closed,
        SUM(CASE WHEN is_found = 1 AND is_closed_by_as_of = 1 THEN days_to_close ELSE 0 END) AS close_days,
        SUM(hazards * is_rectified_not_closed) AS rectified_not_closed,
        SUM(hazards * is_due_in_period) AS due_in_period,
        SUM(on_time_hazards * is_due_in_period) AS due_in_period_on_time
    FROM hazard_states
    GROUP BY {{group_keys}}
),
/* end hazard_groups */
/* section asof_groups */
-- The same groups from the as-of cube (model/hazard_asof_cube.sql) when {{hazard_groups}} is asof_groups: each
-- cumulative count read on the day before P, at the end of P and at D (one cube row per cell and date), differenced
-- as that file derives. Only district, category and severity can key or filter it; the figures that pair a date in P
-- with one at D (rectified and its rates and days, closed and its rate and days) are not in it (NULL here) and are
-- asked of hazard_groups.
asof_points AS (
    SELECT
        {{district_key}} AS k_district,
        CAST(NULL AS STRING) AS k_school_type,
        CAST(NULL AS STRING) AS k_boarding,
        {{category_key}} AS k_category,
        {{severity_key}} AS k_severity,
        CAST(NULL AS STRING) AS k_inspection_type,
        CAST(NULL AS STRING) AS k_month,
        CAST(NULL AS STRING) AS k_quarter,
        CAST(NULL AS STRING) AS k_year,
        f.severity,
        CASE WHEN f.point = 'before' THEN 1 ELSE 0 END AS at_before,
        CASE WHEN f.point = 'end' THEN 1 ELSE 0 END AS at_end,
        CASE WHEN f.point = 'as_of' THEN 1 ELSE 0 END AS at_as_of,
        f.found,
        f.self_found,
        f.found - f.left_open AS open_hazards,
        f.legacy_found - f.legacy_left_open AS legacy_open,
        f.overdue_entered - f.overdue_left AS overdue,
        f.resolved,
        f.resolved - f.signed_off AS rectified_not_closed
    -- one read per date, each a range the scan can skip row groups by (an OR of the three could not)
    FROM (
        SELECT 'before' AS point, c.* FROM {{asof_cube}} c
        WHERE c.valid_from <= :day_before_period AND :day_before_period < c.valid_to
        UNION ALL
        SELECT 'end' AS point, c.* FROM {{asof_cube}} c WHERE c.valid_from <= :period_end AND :period_end < c.valid_to
        UNION ALL
        SELECT 'as_of' AS point, c.* FROM {{asof_cube}} c WHERE c.valid_from <= :as_of AND :as_of < c.valid_to
    ) f
    WHERE (:f_district = '' OR instr(:f_district, ',' || f.district_code || ',') > 0)
        AND (:f_category = '' OR instr(:f_category, ',' || f.category || ',') > 0)
        AND (:f_severity = '' OR instr(:f_severity, ',' || f.severity || ',') > 0)
),
asof_groups AS (
    SELECT
        {{district_group}} AS k_district, {{school_type_group}} AS k_school_type, {{boarding_group}} AS k_boarding,
        {{category_group}} AS k_category, {{severity_group}} AS k_severity,
        {{inspection_type_group}} AS k_inspection_type, {{month_group}} AS k_month, {{quarter_group}} AS k_quarter,
        {{year_group}} AS k_year,
        SUM((at_end - at_before) * found) AS found,
        SUM(CASE WHEN severity = 'MAJOR' THEN (at_end - at_before) * found ELSE 0 END) AS major_found,
        CAST(NULL AS BIGINT) AS rectified,
        CAST(NULL AS BIGINT) AS found_due,
        CAST(NULL AS BIGINT) AS found_due_on_time,
        CAST(NULL AS BIGINT) AS rectify_days,
        SUM((at_end - at_before) * self_found) AS self_found,
        SUM(at_as_of * open_hazards) AS open_hazards,
        SUM(at_as_of * overdue) AS overdue,
        SUM(CASE WHEN severity = 'MAJOR' THEN at_as_of * open_hazards ELSE 0 END) AS major_open,
        SUM(CASE WHEN severity = 'MAJOR' THEN at_as_of * legacy_open ELSE 0 END) AS legacy_major_open,
        -- risk_weight of an open hazard, doubled while it is overdue
        SUM(at_as_of * (risk_weight(severity, false) * (open_hazards - overdue) + risk_weight(severity, true) * overdue))
            AS risk_points,
        SUM(at_before * open_hazards) AS opening,
        SUM((at_end - at_before) * resolved) AS resolved,
        SUM(at_end * open_hazards) AS closing,
        CAST(NULL AS BIGINT) AS closed,
        CAST(NULL AS BIGINT) AS close_days,
        SUM(at_as_of * rectified_not_closed) AS rectified_not_closed,
        CAST(NULL AS BIGINT) AS due_in_period,
        CAST(NULL AS BIGINT) AS due_in_period_on_time
    FROM asof_points
    GROUP BY {{group_keys}}
),
/* end asof_groups */
register AS (
    SELECT school_code, district_code, school_type, CASE WHEN boarding THEN 'Y' ELSE 'N' END AS boarding
    FROM dim_school
)
/* section risk_schools */
-- risk_index's denominator: the schools of the cell's district (and school type when that is a dimension).
, risk_schools AS (
    SELECT {{district_risk_key}} AS k_district, {{school_type_risk_key}} AS k_school_type, COUNT(*) AS schools
    FROM register s
    WHERE (:f_district = '' OR instr(:f_district, ',' || s.district_code || ',') > 0)
        AND (:f_school_type = '' OR instr(:f_school_type, ',' || s.school_type || ',') > 0)
    GROUP BY {{district_risk_key}}, {{school_type_risk_key}}
)
/* end risk_schools */
/* section school_parts */
-- The schools school-based figures are computed over, keyed by the school breakdowns.
, school_members AS (
    SELECT
        s.school_code,
        s.school_type,
        {{district_school_key}} AS k_district,
        {{school_type_school_key}} AS k_school_type,
        {{boarding_school_key}} AS k_boarding
    FROM register s
    WHERE (:f_district = '' OR instr(:f_district, ',' || s.district_code || ',') > 0)
        AND (:f_school_type = '' OR instr(:f_school_type, ',' || s.school_type || ',') > 0)
        AND (:f_boarding = '' OR instr(:f_boarding, ',' || s.boarding || ',') > 0)
),
school_counts AS (
    SELECT k_district, k_school_type, k_boarding, COUNT(*) AS schools
    FROM school_members
    GROUP BY k_district, k_school_type, k_boarding
),
-- supervision_coverage: schools with an inspection-log visit or a hazard of type SUPERVISION (督查) in P
-- (model/supervision_events.sql lists both).
covered AS (
    SELECT
        sm.k_district,
        sm.k_school_type,
        sm.k_boarding,
        {{month_event_key}} AS k_month,
        {{quarter_event_key}} AS k_quarter,
        {{year_event_key}} AS k_year,
        COUNT(DISTINCT sm.school_code) AS covered_schools
    FROM school_members sm
    JOIN supervision_events e ON e.school_code = sm.school_code
    JOIN dim_month m ON m.month_start = make_date(year(e.event_date), month(e.event_date), 1)
    WHERE e.event_date >= :period_start AND e.event_date <= :period_end
    GROUP BY sm.k_district, sm.k_school_type, sm.k_boarding, {{month_event_key}}, {{quarter_event_key}}, {{year_event_key}}
),
-- drill_compliance: each school is judged on its units of P, the teaching months (Mar–Jun, Sep–Dec) or, for
-- kindergartens, the quarters overlapping P; a unit complies when a drill falls in it and in P. Broken down by
-- month, a kindergarten's month reads its quarter's compliance.
drill_units AS (
    SELECT DISTINCT
        sm.school_code,
        sm.k_district,
        sm.k_school_type,
        sm.k_boarding,
        {{month_event_key}} AS k_month,
        {{quarter_event_key}} AS k_quarter,
        {{year_event_key}} AS k_year,
        CASE WHEN sm.school_type = 'KINDERGARTEN' THEN 1 ELSE 0 END AS by_quarter,
        CASE WHEN sm.school_type = 'KINDERGARTEN' THEN m.quarter_code ELSE m.month_code END AS unit
    FROM school_members sm
    JOIN dim_month m ON m.month_end >= :period_start AND m.month_start <= :period_end
        AND (m.teaching_month OR sm.school_type = 'KINDERGARTEN')
),
drilled_units AS (
    SELECT DISTINCT
        d.school_code,
        CASE WHEN s.school_type = 'KINDERGARTEN' THEN m.quarter_code ELSE m.month_code END AS unit
    FROM drills d
    -- the schools judged (drill_units' schools): only their drills are read
    JOIN school_members s ON s.school_code = d.school_code
    JOIN dim_month m ON m.month_start = make_date(year(d.drill_date), month(d.drill_date), 1)
    WHERE d.drill_date >= :period_start AND d.drill_date <= :period_end
),
school_drill_units AS (
    SELECT
        u.school_code,
        u.k_district,
        u.k_school_type,
        u.k_boarding,
        u.k_month,
        u.k_quarter,
        u.k_year,
        u.by_quarter,
        COUNT(*) AS units,
        COUNT(du.unit) AS drilled
    FROM drill_units u
    LEFT JOIN drilled_units du ON du.school_code = u.school_code AND du.unit = u.unit
    GROUP BY u.school_code, u.k_district, u.k_school_type, u.k_boarding, u.k_month, u.k_quarter, u.k_year,
        u.by_quarter
),
-- The mean of the schools' shares, summed exactly: within a cell every school judged by month has the same number
-- of units, and so has every kindergarten, so Σ share = drilled(months) / units(months) + drilled(quarters) /
-- units(quarters). Integer sums keep the result identical whatever order an engine adds in.
drill_groups AS (
    SELECT
        k_district, k_school_type, k_boarding, k_month, k_quarter, k_year,
        (COALESCE(CAST(SUM(CASE WHEN by_quarter = 0 THEN drilled END) AS DOUBLE)
                / MAX(CASE WHEN by_quarter = 0 THEN units END), 0)
            + COALESCE(CAST(SUM(CASE WHEN by_quarter = 1 THEN drilled END) AS DOUBLE)
                / MAX(CASE WHEN by_quarter = 1 THEN units END), 0))
            / COUNT(*) AS drill_compliance
    FROM school_drill_units
    GROUP BY k_district, k_school_type, k_boarding, k_month, k_quarter, k_year
),
-- six_100_rate: per indicator, the share of schools whose latest survey on or before D says yes (a school without
-- such a survey does not say yes).
latest_surveys AS (
    SELECT *
    FROM (
        SELECT
            sv.*,
            ROW_NUMBER() OVER (
                PARTITION BY school_code ORDER BY survey_date DESC, batch_id DESC, source_row DESC
            ) AS survey_rank
        FROM surveys sv
        WHERE survey_date <= :as_of
    ) ranked
    WHERE survey_rank = 1
),
six_100_groups AS (
    SELECT
        k_district, k_school_type, k_boarding
        , CAST(SUM(CASE WHEN ls.closed_management THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS closed_management
        , CAST(SUM(CASE WHEN ls.full_time_guards THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS full_time_guards
        , CAST(SUM(CASE WHEN ls.one_key_alarm THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS one_key_alarm
        , CAST(SUM(CASE WHEN ls.video_police_link THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS video_police_link
        , CAST(SUM(CASE WHEN ls.school_guard_post THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS school_guard_post
        , CAST(SUM(CASE WHEN ls.anti_ram_barriers THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS anti_ram_barriers
    FROM school_members sm
    LEFT JOIN latest_surveys ls ON ls.school_code = sm.school_code
    GROUP BY k_district, k_school_type, k_boarding
)
/* end school_parts */
SELECT
    c.k_district, c.k_school_type, c.k_boarding, c.k_category, c.k_severity, c.k_inspection_type, c.k_month, c.k_quarter, c.k_year
    /* section figure_found */
    , COALESCE(g.found, 0) AS found
    /* end figure_found */
    /* section figure_major_found */
    , COALESCE(g.major_found, 0) AS major_found
    /* end figure_major_found */
    /* section figure_rectified */
    , COALESCE(g.rectified, 0) AS rectified
    /* end figure_rectified */
    -- rates: NULL (undefined) when the denominator is 0
    /* section figure_rectification_rate */
    , CAST(g.rectified AS DOUBLE) / NULLIF(g.found, 0) AS rectification_rate
    /* end figure_rectification_rate */
    /* section figure_on_time_rate */
    , CAST(g.found_due_on_time AS DOUBLE) / NULLIF(g.found_due, 0) AS on_time_rate
    /* end figure_on_time_rate */
    /* section figure_open */
    , COALESCE(g.open_hazards, 0) AS open_hazards
    /* end figure_open */
    /* section figure_overdue */
    , COALESCE(g.overdue, 0) AS overdue
    /* end figure_overdue */
    /* section figure_major_open */
    , COALESCE(g.major_open, 0) AS major_open
    /* end figure_major_open */
    /* section figure_legacy_major_open */
    , COALESCE(g.legacy_major_open, 0) AS legacy_major_open
    /* end figure_legacy_major_open */
    /* section figure_days_to_rectify */
    , CAST(g.rectify_days AS DOUBLE) / NULLIF(g.rectified, 0) AS days_to_rectify
    /* end figure_days_to_rectify */
    /* section figure_self_found_share */
    , CAST(g.self_found AS DOUBLE) / NULLIF(g.found, 0) AS self_found_share
    /* end figure_self_found_share */
    /* section figure_risk_index */
    , 100 * CAST(COALESCE(g.risk_points, 0) AS DOUBLE) / NULLIF(r.schools, 0) AS risk_index
    /* end figure_risk_index */
    /* section figure_supervision_coverage */
    , CASE WHEN {{school_figures}} AND c.k_category IS NULL AND c.k_severity IS NULL AND c.k_inspection_type IS NULL
        THEN CAST(COALESCE(cov.covered_schools, 0) AS DOUBLE) / NULLIF(sc.schools, 0) END AS supervision_coverage
    /* end figure_supervision_coverage */
    /* section figure_drill_compliance */
    , CASE WHEN {{school_figures}} AND c.k_category IS NULL AND c.k_severity IS NULL AND c.k_inspection_type IS NULL
        THEN dg.drill_compliance END AS drill_compliance
    /* end figure_drill_compliance */
    /* section figure_six_100_rate_closed_management */
    , CASE WHEN {{school_figures}} AND c.k_category IS NULL AND c.k_severity IS NULL AND c.k_inspection_type IS NULL
        THEN s6.closed_management END AS six_100_rate_closed_management
    /* end figure_six_100_rate_closed_management */
    /* section figure_six_100_rate_full_time_guards */
    , CASE WHEN {{school_figures}} AND c.k_category IS NULL AND c.k_severity IS NULL AND c.k_inspection_type IS NULL
        THEN s6.full_time_guards END AS six_100_rate_full_time_guards
    /* end figure_six_100_rate_full_time_guards */
    /* section figure_six_100_rate_one_key_alarm */
    , CASE WHEN {{school_figures}} AND c.k_category IS NULL AND c.k_severity IS NULL AND c.k_inspection_type IS NULL
        THEN s6.one_key_alarm END AS six_100_rate_one_key_alarm
    /* end figure_six_100_rate_one_key_alarm */
    /* section figure_six_100_rate_video_police_link */
    , CASE WHEN {{school_figures}} AND c.k_category IS NULL AND c.k_severity IS NULL AND c.k_inspection_type IS NULL
        THEN s6.video_police_link END AS six_100_rate_video_police_link
    /* end figure_six_100_rate_video_police_link */
    /* section figure_six_100_rate_school_guard_post */
    , CASE WHEN {{school_figures}} AND c.k_category IS NULL AND c.k_severity IS NULL AND c.k_inspection_type IS NULL
        THEN s6.school_guard_post END AS six_100_rate_school_guard_post
    /* end figure_six_100_rate_school_guard_post */
    /* section figure_six_100_rate_anti_ram_barriers */
    , CASE WHEN {{school_figures}} AND c.k_category IS NULL AND c.k_severity IS NULL AND c.k_inspection_type IS NULL
        THEN s6.anti_ram_barriers END AS six_100_rate_anti_ram_barriers
    /* end figure_six_100_rate_anti_ram_barriers */
    -- stock_flow: opening + new - resolved = closing (new is found)
    /* section figure_stock_flow_opening */
    , COALESCE(g.opening, 0) AS stock_flow_opening
    /* end figure_stock_flow_opening */
    /* section figure_stock_flow_new */
    , COALESCE(g.found, 0) AS stock_flow_new
    /* end figure_stock_flow_new */
    /* section figure_stock_flow_resolved */
    , COALESCE(g.resolved, 0) AS stock_flow_resolved
    /* end figure_stock_flow_resolved */
    /* section figure_stock_flow_closing */
    , COALESCE(g.closing, 0) AS stock_flow_closing
    /* end figure_stock_flow_closing */
    -- sign-off (销号): closed = found in P with closed_date <= D; closure_rate = closed / rectified
    /* section figure_closed */
    , COALESCE(g.closed, 0) AS closed
    /* end figure_closed */
    /* section figure_closure_rate */
    , CAST(g.closed AS DOUBLE) / NULLIF(g.rectified, 0) AS closure_rate
    /* end figure_closure_rate */
    /* section figure_rectified_not_closed */
    , COALESCE(g.rectified_not_closed, 0) AS rectified_not_closed
    /* end figure_rectified_not_closed */
    /* section figure_days_to_close */
    , CAST(g.close_days AS DOUBLE) / NULLIF(g.closed, 0) AS days_to_close
    /* end figure_days_to_close */
    -- due_on_time_rate: among hazards with deadline in P and <= D (found whenever), share rectified by the deadline
    /* section figure_due_on_time_rate */
    , CAST(g.due_in_period_on_time AS DOUBLE) / NULLIF(g.due_in_period, 0) AS due_on_time_rate
    /* end figure_due_on_time_rate */
FROM cells c
LEFT JOIN {{hazard_groups}} g
    ON g.k_district IS NOT DISTINCT FROM c.k_district
        AND g.k_school_type IS NOT DISTINCT FROM c.k_school_type
        AND g.k_boarding IS NOT DISTINCT FROM c.k_boarding
        AND g.k_category IS NOT DISTINCT FROM c.k_category
        AND g.k_severity IS NOT DISTINCT FROM c.k_severity
        AND g.k_inspection_type IS NOT DISTINCT FROM c.k_inspection_type
        AND g.k_month IS NOT DISTINCT FROM c.k_month
        AND g.k_quarter IS NOT DISTINCT FROM c.k_quarter
        AND g.k_year IS NOT DISTINCT FROM c.k_year
/* section risk_join */
LEFT JOIN risk_schools r
    ON r.k_district IS NOT DISTINCT FROM c.k_district
        AND r.k_school_type IS NOT DISTINCT FROM c.k_school_type
/* end risk_join */
/* section school_joins */
LEFT JOIN school_counts sc
    ON sc.k_district IS NOT DISTINCT FROM c.k_district
        AND sc.k_school_type IS NOT DISTINCT FROM c.k_school_type
        AND sc.k_boarding IS NOT DISTINCT FROM c.k_boarding
LEFT JOIN covered cov
    ON cov.k_district IS NOT DISTINCT FROM c.k_district
        AND cov.k_school_type IS NOT DISTINCT FROM c.k_school_type
        AND cov.k_boarding IS NOT DISTINCT FROM c.k_boarding
        AND cov.k_month IS NOT DISTINCT FROM c.k_month
        AND cov.k_quarter IS NOT DISTINCT FROM c.k_quarter
        AND cov.k_year IS NOT DISTINCT FROM c.k_year
LEFT JOIN drill_groups dg
    ON dg.k_district IS NOT DISTINCT FROM c.k_district
        AND dg.k_school_type IS NOT DISTINCT FROM c.k_school_type
        AND dg.k_boarding IS NOT DISTINCT FROM c.k_boarding
        AND dg.k_month IS NOT DISTINCT FROM c.k_month
        AND dg.k_quarter IS NOT DISTINCT FROM c.k_quarter
        AND dg.k_year IS NOT DISTINCT FROM c.k_year
LEFT JOIN six_100_groups s6
    ON s6.k_district IS NOT DISTINCT FROM c.k_district
        AND s6.k_school_type IS NOT DISTINCT FROM c.k_school_type
        AND s6.k_boarding IS NOT DISTINCT FROM c.k_boarding
    AND c.k_month IS NULL AND c.k_quarter IS NULL AND c.k_year IS NULL
/* end school_joins */
ORDER BY c.o_district, c.o_school_type, c.o_boarding, c.o_category, c.o_severity, c.o_inspection_type, c.o_month, c.o_quarter, c.o_year
