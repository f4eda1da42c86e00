"""gipr from Python's own sqlite3 module, as docs/python.md shows it: loading, table-valued
functions with a bound source, a civic CSV joined in, pandas-free aggregation."""
import csv
import os
import sqlite3
import unittest

SO = os.environ.get('GIPR_SO', os.path.abspath('gipr.so'))


def connect():
    db = sqlite3.connect(':memory:')
    db.enable_load_extension(True)
    db.load_extension(SO)
    db.enable_load_extension(False)  # no further extensions from SQL
    return db


class PythonUseTest(unittest.TestCase):
    def test_bound_source_and_rows(self):
        db = connect()
        db.row_factory = sqlite3.Row
        rows = db.execute("SELECT issuer, region, region_code FROM gipr_reports(?) ORDER BY path",
                          ('tests/fixtures/*.txt',)).fetchall()
        self.assertEqual([tuple(r) for r in rows], [
            ('台州市人民政府', '浙江省台州市', '331000'),
            ('温州市瓯海区人民政府', '浙江省温州市瓯海区', '330304'),
            ('台州市人民政府行政服务中心', '浙江省台州市', '331000'),
            ('泰州市人民政府', '江苏省泰州市', '321200'),
            ('台州市椒江区人民政府', '浙江省台州市椒江区', '331002')])

    def test_join_with_civic_csv(self):
        db = connect()
        db.execute('CREATE TABLE population(region_code TEXT PRIMARY KEY, name TEXT, '
                   'population INTEGER)')
        with open('tests/fixtures/civic/population.csv', encoding='utf-8', newline='') as f:
            db.executemany('INSERT INTO population VALUES (?, ?, ?)',
                           [(r['region_code'], r['name'], int(r['population']))
                            for r in csv.DictReader(f)])
        rows = db.execute("""
            SELECT r.region, i.value, round(i.value * 10000.0 / p.population, 2)
            FROM gipr_reports('tests/fixtures/*.txt') r
            JOIN gipr_indicators('tests/fixtures/*.txt') i
              ON i.path = r.path AND i.code = 'request.received' AND i.source = 'table'
            JOIN population p ON p.region_code = r.region_code
            WHERE r.level <> 'department'
            ORDER BY r.region""").fetchall()
        self.assertEqual(rows, [('江苏省泰州市', 1191, 2.65), ('浙江省台州市', 1523, 2.31),
                                ('浙江省温州市瓯海区', 411, 4.28)])

    def test_regions_table(self):
        db = connect()
        self.assertEqual(db.execute('SELECT count(*) FROM gipr_regions').fetchone()[0], 3214)
        self.assertEqual(db.execute("SELECT full_name FROM gipr_regions WHERE name = '鼓楼区' "
                                    "ORDER BY code").fetchall(),
                         [('江苏省南京市鼓楼区',), ('江苏省徐州市鼓楼区',), ('福建省福州市鼓楼区',),
                          ('河南省开封市鼓楼区',)])


if __name__ == '__main__':
    unittest.main()
