-- Which county-level names belong to several divisions (鼓楼区, 朝阳区 ...)?
-- A report of the 鼓楼区人民政府 is placed by the city or province it names, or its phone area code;
-- these are the names where that matters.
SELECT name, count(*) AS divisions, group_concat(full_name || ' ' || code, '; ') AS divisions_named
FROM gipr_regions
WHERE level = 'county'
GROUP BY name
HAVING count(*) > 1
ORDER BY divisions DESC, name;
