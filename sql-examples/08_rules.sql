-- Which consistency rules does gipr check, and how often does each hold on the sample reports?
-- gipr_rules lists every rule with its severity and the forms it applies to; gipr_checks gives one
-- row per rule instance (pass, fail, or skip when the report lacks what the rule needs).
CREATE TEMP VIEW checks AS
    SELECT * FROM gipr_checks('tests/fixtures/*.txt')
    UNION ALL SELECT * FROM gipr_checks('tests/fixtures/real/0??.txt');

SELECT ru.rule, ru.severity, ru.templates AS forms,
       count(c.rule) FILTER (WHERE c.status = 'pass') AS passed,
       count(c.rule) FILTER (WHERE c.status = 'fail') AS failed,
       count(c.rule) FILTER (WHERE c.status = 'skip') AS skipped,
       ru.statement
FROM gipr_rules ru
LEFT JOIN checks c ON c.rule = ru.rule
GROUP BY ru.rule
ORDER BY ru.rowid;
