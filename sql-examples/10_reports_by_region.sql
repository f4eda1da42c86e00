-- Where is each report from: its province, city and county?
-- gipr_regions holds every division to county level with its parent; a recursive query climbs
-- from the report's region to its province.
CREATE TEMP VIEW reports AS
    SELECT * FROM gipr_reports('tests/fixtures/*.txt')
    UNION ALL SELECT * FROM gipr_reports('tests/fixtures/real/0??.txt');

WITH RECURSIVE chain(path, code) AS (
    SELECT path, region_code FROM reports WHERE region_code IS NOT NULL
    UNION ALL
    SELECT chain.path, g.parent FROM chain JOIN gipr_regions g ON g.code = chain.code
    WHERE g.parent <> '')
SELECT max(g.name) FILTER (WHERE g.level = 'province') AS province,
       max(g.name) FILTER (WHERE g.level = 'city') AS city,
       max(g.name) FILTER (WHERE g.level = 'county') AS county,
       r.issuer, r.year, r.region_code
FROM chain
JOIN gipr_regions g ON g.code = chain.code
JOIN reports r ON r.path = chain.path
GROUP BY chain.path
ORDER BY province, city, county, r.year, r.issuer;
