-- In which provinces do reports break the totals of their own tables?
-- Error-level checks (a sum of the official form that does not hold), per province of the issuer;
-- the province is the first two digits of the region code (GB/T 2260).
CREATE TEMP VIEW reports AS
    SELECT * FROM gipr_reports('tests/fixtures/*.txt')
    UNION ALL SELECT * FROM gipr_reports('tests/fixtures/real/0??.txt');
CREATE TEMP VIEW checks AS
    SELECT * FROM gipr_checks('tests/fixtures/*.txt')
    UNION ALL SELECT * FROM gipr_checks('tests/fixtures/real/0??.txt');

SELECT p.name AS province,
       count(DISTINCT r.path) AS reports,
       count(DISTINCT c.path) AS reports_with_broken_totals,
       count(c.rule) AS broken_totals,
       group_concat(DISTINCT c.rule) AS rules
FROM reports r
JOIN gipr_regions p ON p.code = substr(r.region_code, 1, 2) || '0000'
LEFT JOIN checks c ON c.path = r.path AND c.status = 'fail' AND c.severity = 'error'
GROUP BY p.code
ORDER BY broken_totals DESC, province;
