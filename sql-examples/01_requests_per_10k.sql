-- How many information requests did each region's government receive per 10,000 inhabitants?
-- Joins the reports with a civic dataset loaded from CSV. tests/fixtures/civic/population.csv holds
-- ILLUSTRATIVE figures, not official statistics: load your own (region_code,name,population).
.import --csv tests/fixtures/civic/population.csv population

-- The sample reports: the five seeds and three PDF reports as text (point these at your folder).
CREATE TEMP VIEW reports AS
    SELECT * FROM gipr_reports('tests/fixtures/*.txt')
    UNION ALL SELECT * FROM gipr_reports('tests/fixtures/real/0??.txt');
CREATE TEMP VIEW indicators AS
    SELECT * FROM gipr_indicators('tests/fixtures/*.txt')
    UNION ALL SELECT * FROM gipr_indicators('tests/fixtures/real/0??.txt');

-- Requests of the year: 收到申请数 on the legacy form, 本年新收 (总计 column) on the 2019/2021
-- forms; the table's number when there is one, else the narrative's.
WITH requests AS (
    SELECT path, value,
           row_number() OVER (PARTITION BY path ORDER BY source = 'text', line) AS pick
    FROM indicators
    WHERE (code = 'request.received' AND dim IS NULL)
       OR (code = 'request.new' AND dim = 'total'))
SELECT g.full_name AS region, r.year, q.value AS requests,
       CAST(p.population AS INTEGER) AS population,
       round(q.value * 10000.0 / p.population, 2) AS per_10k
FROM reports r
JOIN requests q ON q.path = r.path AND q.pick = 1
JOIN gipr_regions g ON g.code = r.region_code
JOIN population p ON p.region_code = r.region_code
WHERE r.level IN ('province', 'city', 'county') -- governments, not their departments
ORDER BY per_10k DESC, region, r.year;
