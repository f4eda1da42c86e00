-- How did the number of requests change from one year to the next, for each issuer?
-- A government is followed by its region code, since its name is not always written the same way
-- (洪泽区人民政府 in 2023, 淮安市洪泽区人民政府 in 2024); a department by its name.
CREATE TEMP VIEW reports AS
    SELECT * FROM gipr_reports('tests/fixtures/*.txt')
    UNION ALL SELECT * FROM gipr_reports('tests/fixtures/real/0??.txt');
CREATE TEMP VIEW indicators AS
    SELECT * FROM gipr_indicators('tests/fixtures/*.txt')
    UNION ALL SELECT * FROM gipr_indicators('tests/fixtures/real/0??.txt');

WITH requests AS (
    SELECT path, value,
           row_number() OVER (PARTITION BY path ORDER BY source = 'text', line) AS pick
    FROM indicators
    WHERE (code = 'request.received' AND dim IS NULL)
       OR (code = 'request.new' AND dim = 'total')),
yearly AS (
    SELECT CASE WHEN r.level = 'department' THEN r.issuer ELSE r.region_code END AS issuer_key,
           r.issuer, r.year, q.value AS requests
    FROM reports r JOIN requests q ON q.path = r.path AND q.pick = 1)
SELECT issuer, year, requests,
       lag(requests) OVER w AS previous_year,
       requests - lag(requests) OVER w AS change,
       round(100.0 * (requests - lag(requests) OVER w) / nullif(lag(requests) OVER w, 0), 1)
           AS change_pct
FROM yearly
WINDOW w AS (PARTITION BY issuer_key ORDER BY year)
ORDER BY issuer_key, year;
