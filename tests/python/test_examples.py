"""Every query of sql-examples/ runs on the bundled sample reports through the sqlite3 shell, the
way `make demo` runs it, and gives the expected key results.
"""
import functools
import glob
import json
import os
import subprocess
import unittest

SO = os.environ.get('GIPR_SO', os.path.abspath('gipr.so'))
SQLITE3 = '/usr/bin/sqlite3'
EXAMPLES = 'sql-examples'


@functools.lru_cache(maxsize=None)
def run_example(name):
    """The rows the example prints, as dicts (its one SELECT; [] when it finds nothing)."""
    with open(os.path.join(EXAMPLES, name), encoding='utf-8') as f:
        sql = f.read()
    proc = subprocess.run([SQLITE3, '-batch', '-bail', ':memory:', '-cmd', '.load ' + SO,
                           '-cmd', '.mode json'],
                          input=sql, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0 or proc.stderr:
        raise AssertionError('%s failed (%d): %s' % (name, proc.returncode, proc.stderr))
    rows, text, decoder = [], proc.stdout.strip(), json.JSONDecoder()
    while text:
        chunk, end = decoder.raw_decode(text)
        rows.extend(chunk)
        text = text[end:].strip()
    return tuple(rows)


def pick(rows, *keys):
    """Each row reduced to the given columns, as a tuple."""
    return [tuple(r[k] for k in keys) for r in rows]


class ExampleFilesTest(unittest.TestCase):
    def test_at_least_eight_documented_examples(self):
        files = sorted(glob.glob(os.path.join(EXAMPLES, '*.sql')))
        self.assertGreaterEqual(len(files), 8)
        for path in files:
            with open(path, encoding='utf-8') as f:
                text = f.read()
            self.assertTrue(text.startswith('-- '), path + ' must start with its question')
            self.assertNotIn('.load', text, path + ': demo.sh loads the extension')

    def test_every_example_runs(self):
        for path in sorted(glob.glob(os.path.join(EXAMPLES, '*.sql'))):
            with self.subTest(example=path):
                run_example(os.path.basename(path))


class RequestsPer10kTest(unittest.TestCase):
    def test_every_government(self):
        rows = run_example('01_requests_per_10k.sql')
        self.assertEqual(pick(rows, 'region', 'year', 'requests', 'population', 'per_10k'), [
            ('江苏省淮安市', 2024, 3119, 4560000, 6.84),
            ('浙江省温州市瓯海区', 2018, 411, 960000, 4.28),
            ('江苏省淮安市洪泽区', 2024, 95, 300000, 3.17),
            ('江苏省泰州市', 2017, 1191, 4500000, 2.65),
            ('浙江省台州市', 2018, 1523, 6600000, 2.31),
            ('浙江省台州市椒江区', 2020, 107, 640000, 1.67),  # from the narrative: no table 三
            ('江苏省淮安市洪泽区', 2023, 21, 300000, 0.7),
        ])  # the 2016 report of 台州's service centre is a department's: not per inhabitant


class YearOverYearTest(unittest.TestCase):
    def test_each_issuer(self):
        rows = pick(run_example('02_year_over_year.sql'),
                    'issuer', 'year', 'requests', 'previous_year', 'change', 'change_pct')
        self.assertEqual(rows, [  # governments by region code, then departments by name
            ('淮安市人民政府', 2024, 3119, None, None, None),
            ('洪泽区人民政府', 2023, 21, None, None, None),
            # the same government the next year, under a longer name
            ('淮安市洪泽区人民政府', 2024, 95, 21, 74, 352.4),
            ('泰州市人民政府', 2017, 1191, None, None, None),
            ('温州市瓯海区人民政府', 2018, 411, None, None, None),
            ('台州市人民政府', 2018, 1523, None, None, None),
            ('台州市椒江区人民政府', 2020, 107, None, None, None),
            ('台州市人民政府行政服务中心', 2016, 0, None, None, None),
        ])


class RefusalReasonsTest(unittest.TestCase):
    def test_both_forms(self):
        rows = run_example('03_top_refusal_reasons.sql')
        old, new = 'request.answered.refused.', 'request.result.refused.'
        self.assertEqual(pick(rows, 'code', 'refusals', 'reports'), [
            (old + 'not_gov_info', 140, 4), (new + 'inquiry', 105, 3), (old + 'other_law', 96, 4),
            (new + 'law_prohibited', 31, 3), (old + 'privacy', 25, 4), (new + 'process_info', 14, 3),
            (new + 'enforcement_files', 11, 3), (old + 'trade_secret', 10, 4),
            (new + 'internal_affairs', 8, 3), (new + 'security', 6, 3), (new + 'third_party', 6, 3),
            (old + 'state_secret', 5, 4), (new + 'state_secret', 3, 3), (old + 'security', 0, 4)])
        self.assertEqual(rows[0]['reason'], '不是《条例》所指政府信息')


class LateReportsTest(unittest.TestCase):
    def test_service_centre_2016(self):
        rows = run_example('04_late_reports.sql')
        self.assertIn(('台州市人民政府行政服务中心', 2016, '2017-03-31', '2017-05-04', 34.0),
                      pick(rows, 'issuer', 'year', 'deadline', 'dated', 'days_late'))
        self.assertTrue(all(r['days_late'] > 0 for r in rows))


class BrokenTotalsByProvinceTest(unittest.TestCase):
    def test_provinces(self):
        rows = {r['province']: r for r in run_example('05_broken_totals_by_province.sql')}
        self.assertEqual(sorted(rows), ['江苏省', '浙江省'])
        zj = rows['浙江省']
        self.assertEqual((zj['reports'], zj['reports_with_broken_totals'], zj['broken_totals'],
                          zj['rules']), (4, 1, 1, 'L-REFUSED'))
        self.assertEqual(rows['江苏省']['reports'], 4)


class Table3Test(unittest.TestCase):
    COLUMNS = ('自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计')

    def test_rows_as_printed(self):
        rows = {(r['issuer'], r['year'], r['code']): tuple(r[c] for c in self.COLUMNS)
                for r in run_example('06_table3_by_applicant.sql')}
        self.assertEqual(rows[('淮安市人民政府', 2024, 'request.new')], (3001, 53, 0, 0, 61, 4, 3119))
        self.assertEqual(rows[('淮安市人民政府', 2024, 'request.result.total')],
                         (2932, 53, 0, 0, 61, 4, 3050))
        self.assertEqual(rows[('洪泽区人民政府', 2023, 'request.new')], (21, 0, 0, 0, 0, 0, 21))
        self.assertEqual(rows[('洪泽区人民政府', 2023, 'request.result.unavailable.not_held')],
                         (10, 0, 0, 0, 0, 0, 10))
        self.assertEqual(rows[('淮安市洪泽区人民政府', 2024, 'request.result.total')],
                         (95, 0, 0, 0, 0, 0, 95))


class TextVsTableTest(unittest.TestCase):
    def test_training_in_ouhai(self):
        rows = pick(run_example('07_text_vs_table.sql'), 'issuer', 'code', 'table_value',
                    'text_values')
        self.assertIn(('温州市瓯海区人民政府', 'training.classes', 47, '63'), rows)
        self.assertIn(('温州市瓯海区人民政府', 'training.trainees', 1947, '4929'), rows)


class RulesTest(unittest.TestCase):
    def test_every_rule_with_its_counts(self):
        rows = {r['rule']: r for r in run_example('08_rules.sql')}
        with open('tests/fixtures/spec/rules.tsv', encoding='utf-8') as f:
            rules = [line.split('\t')[0] for line in f if line.strip() and line[0] != '#']
        self.assertEqual(sorted(rows), sorted(rules))
        counts = {k: (r['passed'], r['failed'], r['skipped']) for k, r in rows.items()}
        self.assertEqual(counts['L-REFUSED'], (3, 1, 0))
        self.assertEqual(counts['L-CHANNELS'], (3, 1, 0))
        self.assertEqual(counts['L-RECEIVED'], (4, 0, 0))
        self.assertEqual(counts['PERIOD'][1], 1)
        self.assertEqual(counts['DEADLINE'][1], 1)


class CatalogTest(unittest.TestCase):
    def test_table3_of_2021(self):
        rows = run_example('09_catalog.sql')
        codes = [r['code'] for r in rows]
        self.assertEqual(len(codes), 29)
        self.assertEqual((codes[0], codes[-1]), ('request.new', 'request.carried_out'))
        by_code = {r['code']: r for r in rows}
        self.assertEqual(by_code['request.result.refused.process_info']['parent_label'],
                         '（三）不予公开')
        self.assertEqual(by_code['request.result.other.misc']['label'], '3.其他')


class ReportsByRegionTest(unittest.TestCase):
    def test_every_report_placed(self):
        self.assertEqual(pick(run_example('10_reports_by_region.sql'),
                              'province', 'city', 'county', 'year', 'region_code'), [
            ('江苏省', '泰州市', None, 2017, '321200'),
            ('江苏省', '淮安市', None, 2024, '320800'),
            ('江苏省', '淮安市', '洪泽区', 2023, '320813'),
            ('江苏省', '淮安市', '洪泽区', 2024, '320813'),
            ('浙江省', '台州市', None, 2016, '331000'),
            ('浙江省', '台州市', None, 2018, '331000'),
            ('浙江省', '台州市', '椒江区', 2020, '331002'),
            ('浙江省', '温州市', '瓯海区', 2018, '330304'),
        ])


class SharedCountyNamesTest(unittest.TestCase):
    def test_shared_names(self):
        rows = {r['name']: r for r in run_example('11_shared_county_names.sql')}
        self.assertEqual(len(rows), 28)
        self.assertEqual(rows['鼓楼区']['divisions'], 4)
        self.assertEqual(rows['鼓楼区']['divisions_named'],
                         '江苏省南京市鼓楼区 320106; 江苏省徐州市鼓楼区 320302; '
                         '福建省福州市鼓楼区 350102; 河南省开封市鼓楼区 410204')
        self.assertEqual(rows['朝阳区']['divisions_named'], '北京市朝阳区 110105; 吉林省长春市朝阳区 220104')
        self.assertNotIn('椒江区', rows)


if __name__ == '__main__':
    unittest.main()
