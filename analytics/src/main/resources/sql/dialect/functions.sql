-- The hazard-state predicates and weights of docs/FIGURES.md, each defined here and nowhere else. Every query that
-- asks "open at D", "overdue at D", "how risky" or "found before the campaign" calls these functions, so figures,
-- drill-down lists, warnings, school pages and rankings cannot drift apart.
--
-- Written once in engine-neutral SQL; SqlFunctions renders each as a DuckDB macro (build and every serving
-- connection) and as a Spark temporary SQL function (build and SparkFigures). Form of each definition:
--   FUNCTION name(parameter TYPE, ...) RETURNS TYPE AS <expression>;
-- :campaign_baseline is the primary campaign's baseline (Campaign.BASELINE, from data/campaigns), written in as a
-- DATE literal when the functions are registered (DDL cannot bind parameters), so Java, SQL and the dashboards share
-- one value.

-- open at D: found on or before D and not rectified by D.
FUNCTION is_open_at(found_date DATE, rectified_date DATE, as_of DATE) RETURNS BOOLEAN AS
    found_date <= as_of AND (rectified_date IS NULL OR rectified_date > as_of);

-- overdue at D: open at D and past its deadline; an item without a deadline is never overdue (NULL, not true).
FUNCTION is_overdue_at(found_date DATE, rectified_date DATE, deadline DATE, as_of DATE) RETURNS BOOLEAN AS
    is_open_at(found_date, rectified_date, as_of) AND deadline < as_of;

-- risk weight of an open hazard (risk_index, school ranking): GENERAL 1, MAJOR 5, doubled when overdue.
FUNCTION risk_weight(severity STRING, overdue BOOLEAN) RETURNS INT AS
    CASE WHEN severity = 'MAJOR' THEN 5 ELSE 1 END * CASE WHEN overdue THEN 2 ELSE 1 END;

-- blank: a ledger's text field left empty or filled with spaces says nothing (no responsible unit, no temporary
-- measures).
FUNCTION is_blank(value STRING) RETURNS BOOLEAN AS
    value IS NULL OR trim(value) = '';

-- the campaign baseline: hazards found before it are the 存量 (legacy) stock.
FUNCTION campaign_baseline() RETURNS DATE AS :campaign_baseline;
