-- Which reports were dated after their legal deadline?
-- Rule DEADLINE: 31 March of the next year (31 January for departments' reports from 2019 on);
-- the report's own date is its signature date, else the publication date of its page.
CREATE TEMP VIEW reports AS
    SELECT * FROM gipr_reports('tests/fixtures/*.txt')
    UNION ALL SELECT * FROM gipr_reports('tests/fixtures/real/0??.txt');
CREATE TEMP VIEW checks AS
    SELECT * FROM gipr_checks('tests/fixtures/*.txt')
    UNION ALL SELECT * FROM gipr_checks('tests/fixtures/real/0??.txt');

SELECT r.issuer, r.year, c.expected AS deadline, c.actual AS dated,
       julianday(c.actual) - julianday(c.expected) AS days_late, c.message
FROM checks c
JOIN reports r ON r.path = c.path
WHERE c.rule = 'DEADLINE' AND c.status = 'fail'
ORDER BY days_late DESC, r.issuer;
