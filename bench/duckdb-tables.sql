-- The force tables of OUTPUTS.md computed by DuckDB straight from the CSV extracts, written to
-- Parquet: the "ad-hoc SQL" side of bench/compare.sh. No validation, rejects, de-duplication or
-- checksums (that is the head start the 2x target allows for); rows whose dates do not parse are
-- dropped, as ad-hoc SQL would. ${INPUT} and ${OUT} are filled in
-- by RunSql.java.
SET preserve_insertion_order = false;
CREATE TEMP TABLE offences AS SELECT * FROM read_csv('${INPUT}/reference/offences.csv', header = true, all_varchar = true);
CREATE TEMP TABLE units AS SELECT * FROM read_csv('${INPUT}/reference/units.csv', header = true, all_varchar = true);
CREATE TEMP TABLE outcome_types AS SELECT * FROM read_csv('${INPUT}/reference/outcome_types.csv', header = true, all_varchar = true);
CREATE MACRO fy(d) AS CASE WHEN month(d) >= 4
  THEN year(d)::VARCHAR || '-' || lpad(((year(d) + 1) % 100)::VARCHAR, 2, '0')
  ELSE (year(d) - 1)::VARCHAR || '-' || lpad((year(d) % 100)::VARCHAR, 2, '0') END;
CREATE TEMP TABLE arrests AS
  SELECT a.*, TRY_CAST(a.arrest_date AS DATE) AS day, u.unit_type, o.offence_group
  FROM read_csv('${INPUT}/arrests*.csv', header = true, all_varchar = true, ignore_errors = true) a
  JOIN units u USING (unit_code) JOIN offences o USING (offence_code)
  WHERE TRY_CAST(a.arrest_date AS DATE) IS NOT NULL;
CREATE TEMP TABLE crimes AS
  SELECT c.*, TRY_CAST(c.recorded_date AS DATE) AS recorded, TRY_CAST(c.outcome_date AS DATE) AS outcome, o.offence_group, o.offence_subgroup, o.vawg,
         coalesce(t.outcome_group, 'Not yet assigned an outcome') AS outcome_group
  FROM read_csv('${INPUT}/outcomes*.csv', header = true, all_varchar = true, ignore_errors = true) c
  JOIN offences o USING (offence_code) LEFT JOIN outcome_types t ON c.outcome_type = t.outcome_type
  WHERE TRY_CAST(c.recorded_date AS DATE) IS NOT NULL;
-- one row per crime and scope, with only the columns the outcome tables need
CREATE TEMP TABLE crime_scopes AS
  SELECT fy(recorded) AS financial_year, s.scope_type, s.scope, c.outcome_group, c.outcome_type,
         datediff('day', recorded, outcome) AS days
  FROM crimes c, LATERAL (VALUES ('all', 'All offences'), ('offence_group', c.offence_group),
    ('offence_subgroup', c.offence_subgroup),
    ('domestic_abuse', CASE WHEN c.domestic_abuse = 'Y' THEN 'Domestic abuse' END),
    ('vawg', CASE WHEN c.vawg = 'Y' OR c.domestic_abuse = 'Y' THEN 'VAWG' END)) s(scope_type, scope)
  WHERE s.scope IS NOT NULL;
COPY (SELECT strftime(day, '%Y-%m') AS month, unit_type, unit_code, offence_group, offence_code, domestic_abuse = 'Y' AS domestic_abuse,
        count(*) AS arrests, count(DISTINCT person_ref) AS persons FROM arrests GROUP BY ALL ORDER BY ALL)
  TO '${OUT}/arrests_by_offence.parquet' (FORMAT parquet);
COPY (SELECT strftime(day, '%Y-%m') AS month, bcu_code, offence_group, domestic_abuse = 'Y' AS domestic_abuse, count(*) AS arrests
        FROM arrests GROUP BY ALL ORDER BY ALL) TO '${OUT}/arrests_by_bcu.parquet' (FORMAT parquet);
COPY (SELECT fy(day) AS financial_year, offence_group, coalesce(sex, 'U') AS sex, coalesce(age_band, 'U') AS age_band,
        CASE WHEN ethnicity IN ('W1','W2','W3','W9') THEN 'White' WHEN ethnicity IN ('M1','M2','M3','M9') THEN 'Mixed'
             WHEN ethnicity IN ('A1','A2','A3','A4','A9') THEN 'Asian' WHEN ethnicity IN ('B1','B2','B9') THEN 'Black'
             WHEN ethnicity IN ('O1','O2','O9') THEN 'Other' ELSE 'Not stated' END AS ethnicity_group, count(*) AS arrests
        FROM arrests GROUP BY ALL ORDER BY ALL) TO '${OUT}/arrests_by_demographics.parquet' (FORMAT parquet);
COPY (SELECT fy(a.day) AS financial_year, a.unit_type, a.offence_group, count(*) AS arrests, count(ch.arrest_id) AS arrests_charged
        FROM arrests a LEFT JOIN (SELECT DISTINCT arrest_id FROM crimes WHERE outcome_type = '1' AND arrest_id IS NOT NULL) ch USING (arrest_id)
        GROUP BY ALL ORDER BY ALL) TO '${OUT}/arrest_outcomes.parquet' (FORMAT parquet);
COPY (SELECT financial_year, scope_type, scope, outcome_group, count(*) AS crimes FROM crime_scopes GROUP BY ALL ORDER BY ALL)
  TO '${OUT}/outcomes_by_offence.parquet' (FORMAT parquet);
COPY (SELECT financial_year, scope_type, scope, count(*) AS crimes_recorded, count(*) FILTER (WHERE outcome_type = '1') AS charged_summonsed,
        count(*) FILTER (WHERE outcome_type = '1') / count(*) AS charge_rate FROM crime_scopes GROUP BY ALL ORDER BY ALL)
  TO '${OUT}/charge_rates.parquet' (FORMAT parquet);
COPY (SELECT financial_year, scope_type, scope, outcome_group, outcomes, q[1] AS median_days, q[2] AS p25_days, q[3] AS p75_days
      FROM (SELECT financial_year, scope_type, scope, coalesce(outcome_group, 'All outcomes') AS outcome_group, count(*) AS outcomes,
                   quantile_cont(days, [0.5, 0.25, 0.75]) AS q
            FROM crime_scopes WHERE days IS NOT NULL
            GROUP BY GROUPING SETS ((financial_year, scope_type, scope, outcome_group), (financial_year, scope_type, scope)))
      ORDER BY ALL)
  TO '${OUT}/time_to_outcome.parquet' (FORMAT parquet);
COPY (SELECT strftime(TRY_CAST(event_date AS DATE), '%Y-%m') AS month, order_type, event, count(*) AS events
        FROM read_csv('${INPUT}/protection_orders*.csv', header = true, all_varchar = true, ignore_errors = true) GROUP BY ALL ORDER BY ALL)
  TO '${OUT}/protection_orders.parquet' (FORMAT parquet);
