-- Which indicators does table 三 of the 2021 form hold, and how do they nest?
-- gipr_catalog is the list of codes gipr reads, with the official label of each row, its unit,
-- its table columns (dims) and its parent (the row it is a part of).
SELECT c.code, c.label, c.unit, c.dims, c.parent, p.label AS parent_label
FROM gipr_catalog c
LEFT JOIN gipr_catalog p ON p.code = c.parent
WHERE ',' || c.templates || ',' LIKE '%,t2021,%' AND c.code GLOB 'request.*'
ORDER BY c.rowid;
