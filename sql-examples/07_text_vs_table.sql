-- Where does the narrative state a number that the report's own table contradicts?
-- For each indicator given both in a table and in the text: none of the text's statements of it
-- equals the table value (the TEXT-TABLE rule, written out in SQL; approximate numbers aside).
CREATE TEMP VIEW reports AS
    SELECT * FROM gipr_reports('tests/fixtures/*.txt')
    UNION ALL SELECT * FROM gipr_reports('tests/fixtures/real/0??.txt');
CREATE TEMP VIEW indicators AS
    SELECT * FROM gipr_indicators('tests/fixtures/*.txt')
    UNION ALL SELECT * FROM gipr_indicators('tests/fixtures/real/0??.txt');

SELECT r.issuer, r.year, t.code, t.dim, t.value AS table_value,
       group_concat(x.value, ' / ') AS text_values,
       min(x.line) AS text_line, x.raw AS text_says
FROM indicators t
JOIN indicators x ON x.path = t.path AND x.code = t.code AND x.dim IS t.dim
                 AND x.source = 'text' AND x.qualifier IS NULL
JOIN reports r ON r.path = t.path
WHERE t.source = 'table'
GROUP BY t.path, t.code, t.dim
HAVING sum(x.value = t.value) = 0
ORDER BY r.year, r.issuer, t.code;
