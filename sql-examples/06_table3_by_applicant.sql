-- What does table 三 (requests received and how they were handled) say, by kind of applicant?
-- The 2019/2021 forms' table pivoted back to its printed shape: one row per outcome, one column
-- per applicant (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计).
CREATE TEMP VIEW reports AS
    SELECT * FROM gipr_reports('tests/fixtures/*.txt')
    UNION ALL SELECT * FROM gipr_reports('tests/fixtures/real/0??.txt');
CREATE TEMP VIEW indicators AS
    SELECT * FROM gipr_indicators('tests/fixtures/*.txt')
    UNION ALL SELECT * FROM gipr_indicators('tests/fixtures/real/0??.txt');

SELECT r.issuer, r.year, c.label AS outcome,
       sum(i.value) FILTER (WHERE i.dim = 'natural_person') AS 自然人,
       sum(i.value) FILTER (WHERE i.dim = 'business') AS 商业企业,
       sum(i.value) FILTER (WHERE i.dim = 'research') AS 科研机构,
       sum(i.value) FILTER (WHERE i.dim = 'nonprofit') AS 社会公益组织,
       sum(i.value) FILTER (WHERE i.dim = 'legal_service') AS 法律服务机构,
       sum(i.value) FILTER (WHERE i.dim = 'other_org') AS 其他,
       sum(i.value) FILTER (WHERE i.dim = 'total') AS 总计,
       i.code
FROM indicators i
JOIN reports r ON r.path = i.path
JOIN gipr_catalog c ON c.code = i.code
WHERE i.source = 'table' AND c.dims = 'applicant'
GROUP BY i.path, i.code
ORDER BY r.year, r.issuer, c.rowid;
