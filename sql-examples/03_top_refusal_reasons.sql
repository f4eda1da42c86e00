-- For which reasons are requests refused (不同意公开 / 不予公开) most often, over all reports?
-- The legacy form and the 2019/2021 forms list different reasons; each keeps its official label.
CREATE TEMP VIEW indicators AS
    SELECT * FROM gipr_indicators('tests/fixtures/*.txt')
    UNION ALL SELECT * FROM gipr_indicators('tests/fixtures/real/0??.txt');

SELECT c.label AS reason, c.templates AS forms, sum(i.value) AS refusals,
       count(DISTINCT i.path) AS reports, i.code
FROM indicators i
JOIN gipr_catalog c ON c.code = i.code
WHERE i.source = 'table'
  AND (i.code GLOB 'request.answered.refused.*'
       OR (i.code GLOB 'request.result.refused.*' AND i.dim = 'total'))
GROUP BY i.code
ORDER BY refusals DESC, i.code;
