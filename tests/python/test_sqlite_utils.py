"""gipr from sqlite-utils (Debian package sqlite-utils): the command line with --load-extension,
and the Python API, as docs/python.md shows them."""
import csv
import io
import json
import os
import shutil
import subprocess
import unittest

SO = os.environ.get('GIPR_SO', os.path.abspath('gipr.so'))
SQLITE_UTILS = shutil.which('sqlite-utils') or '/usr/bin/sqlite-utils'
SEEDS = 'tests/fixtures/*.txt'
SEED_REGIONS = [('tests/fixtures/000_9c1c927b118ce9fd.txt', '331000'),
                ('tests/fixtures/001_89dbaf428c88ecd3.txt', '330304'),
                ('tests/fixtures/002_66303b07f01cbbb2.txt', '331000'),
                ('tests/fixtures/003_4594e221d75b7af2.txt', '321200'),
                ('tests/fixtures/004_21052089db41a3ba.txt', '331002')]


def sqlite_utils(*args):
    proc = subprocess.run([SQLITE_UTILS, *args], capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        raise AssertionError('sqlite-utils %s: %s' % (' '.join(args), proc.stderr))
    return proc.stdout


class CommandLineTest(unittest.TestCase):
    def test_memory_query(self):
        out = sqlite_utils('memory', '--load-extension', SO,
                           "SELECT code, name, parent, level, full_name FROM gipr_regions "
                           "WHERE code = '331002'")
        self.assertEqual(json.loads(out), [{'code': '331002', 'name': '椒江区', 'parent': '331000',
                                            'level': 'county', 'full_name': '浙江省台州市椒江区'}])

    def test_query_reports_as_csv(self):
        out = sqlite_utils('query', ':memory:', '--load-extension', SO, '--csv',
                           "SELECT path, region_code FROM gipr_reports('%s') ORDER BY path" % SEEDS)
        rows = list(csv.reader(io.StringIO(out)))
        self.assertEqual(rows[0], ['path', 'region_code'])
        self.assertEqual([tuple(r) for r in rows[1:]], SEED_REGIONS)

    def test_join_with_a_csv_file(self):
        """sqlite-utils memory loads a CSV file as a table named after it, next to gipr's."""
        out = sqlite_utils('memory', 'tests/fixtures/civic/population.csv',
                           '--load-extension', SO,
                           "SELECT g.full_name, p.population FROM population p "
                           "JOIN gipr_regions g ON g.code = p.region_code "
                           "WHERE g.level = 'county' ORDER BY g.code")
        self.assertEqual(json.loads(out), [
            {'full_name': '江苏省淮安市洪泽区', 'population': 300000},
            {'full_name': '浙江省温州市瓯海区', 'population': 960000},
            {'full_name': '浙江省台州市椒江区', 'population': 640000}])


class PythonApiTest(unittest.TestCase):
    def test_database_with_extension(self):
        import sqlite_utils as su
        db = su.Database(memory=True)
        db.conn.enable_load_extension(True)
        db.conn.load_extension(SO)
        db.conn.enable_load_extension(False)
        rows = list(db.query("SELECT path, region_code FROM gipr_reports(?) ORDER BY path",
                             [SEEDS]))
        self.assertEqual([(r['path'], r['region_code']) for r in rows], SEED_REGIONS)
        # results can be stored as an ordinary table
        db['reports'].insert_all(db.query("SELECT path, issuer, year FROM gipr_reports(?)",
                                          [SEEDS]), pk='path')
        self.assertEqual(db['reports'].count, 5)
        self.assertEqual(db['reports'].get('tests/fixtures/003_4594e221d75b7af2.txt')['issuer'],
                         '泰州市人民政府')


if __name__ == '__main__':
    unittest.main()
