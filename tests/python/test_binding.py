"""The SQL binding through Python's sqlite3 module: every table and function, the source forms
(file, directory, glob, content), the errors, the cache. Run by tests/python/run.sh from the repo
root with Debian's /usr/bin/python3."""
import os, shutil, sqlite3, tempfile, unittest

SO = os.environ.get('GIPR_SO', os.path.abspath('gipr.so'))
SEEDS = sorted('tests/fixtures/' + f for f in os.listdir('tests/fixtures') if f[:3].isdigit() and f.endswith('.txt'))
TREE = 'tests/fixtures/sql/tree'
SMALL = 'tests/fixtures/sql/tree/2018/a.txt'

COLUMNS = {
    'gipr_reports': 'path title issuer region region_code level year template period_start period_end '
                    'published signed encoding format bytes sections indicators diagnostics',
    'gipr_sections': 'path seq parent level number heading body line',
    'gipr_indicators': 'path template code dim label unit value raw source qualifier line',
    'gipr_checks': 'path rule severity status dim expected actual message line',
    'gipr_catalog': 'code templates dims unit label parent note',
    'gipr_rules': 'rule templates severity statement why',
    'gipr_regions': 'code name parent level full_name',
}


def connect():
    db = sqlite3.connect(':memory:')
    db.enable_load_extension(True)
    db.load_extension(SO)
    db.enable_load_extension(False)
    return db


def tsv(path):
    with open(path, encoding='utf-8') as f:
        return [l.rstrip('\n').split('\t') for l in f if l.strip() and not l.startswith('#')]


class Tables(unittest.TestCase):
    def setUp(self):
        self.db = connect()

    def q(self, sql, *args):
        return self.db.execute(sql, args).fetchall()

    def test_columns_of_every_table(self):
        for table, cols in COLUMNS.items():
            args = '' if table in ('gipr_catalog', 'gipr_rules', 'gipr_regions') else f"('{SMALL}')"
            cur = self.db.execute(f'SELECT * FROM {table}{args} LIMIT 1')
            self.assertEqual([d[0] for d in cur.description], cols.split(), table)

    def test_reports_metadata_matches_golden(self):
        names = 'title issuer region region_code year template period_start period_end published signed'
        for row in tsv('tests/fixtures/golden/reports.tsv'):
            if row[0].startswith('001'):  # the seed whose metadata is all stated
                got = self.q(f"SELECT {', '.join(names.split())} FROM gipr_reports(?)", 'tests/fixtures/' + row[0])
                self.assertEqual([str(v) if v is not None else '' for v in got[0]], row[1:])

    def test_reports_types_and_counts(self):
        rows = self.q('SELECT path, year, bytes, sections, indicators, diagnostics FROM gipr_reports(?)',
                      'tests/fixtures/0*.txt')
        self.assertEqual([r[0] for r in rows], SEEDS)
        for path, year, size, nsec, nind, diag in rows:
            self.assertIsInstance(year, int)
            self.assertEqual(size, os.path.getsize(path))
            self.assertEqual(nsec, self.q('SELECT count(*) FROM gipr_sections(?)', path)[0][0])
            self.assertEqual(nind, self.q('SELECT count(*) FROM gipr_indicators(?)', path)[0][0])
            self.assertTrue(diag is None or (isinstance(diag, str) and diag))

    def test_indicator_values_are_int_or_float(self):
        rows = self.q('SELECT unit, value, source, dim FROM gipr_indicators(?)', 'tests/fixtures/0*.txt')
        self.assertTrue(rows)
        for unit, value, source, dim in rows:
            self.assertIsInstance(value, float if unit in ('万元', '%') else int, (unit, value))
            self.assertIn(source, ('table', 'text'))
            self.assertNotEqual(dim, '')

    def test_legacy_table_values_match_golden(self):
        forms = {r[0]: r[6] for r in tsv('tests/fixtures/golden/reports.tsv')}
        gold = [r for r in tsv('tests/fixtures/golden/indicators.tsv')
                if r[4] == 'table' and r[5] == 'core' and forms.get(r[0]) == 'legacy']
        self.assertGreater(len(gold), 100)
        have = {}
        for path, code, dim, value in self.q("SELECT path, code, coalesce(dim, ''), value FROM gipr_indicators(?) "
                                             "WHERE source = 'table'", 'tests/fixtures/0*.txt'):
            have.setdefault((os.path.basename(path), code, dim), []).append(value)
        missing = [r for r in gold if float(r[3]) not in have.get((r[0], r[1], r[2]), [])]
        self.assertEqual(missing, [])

    def test_sections_are_a_tree(self):
        rows = self.q('SELECT seq, parent, level, line FROM gipr_sections(?)', SEEDS[0])
        self.assertEqual([r[0] for r in rows], list(range(1, len(rows) + 1)))
        level = {r[0]: r[2] for r in rows}
        for seq, parent, lvl, line in rows:
            self.assertGreater(line, 0)
            if parent is None:
                self.assertEqual(lvl, 1)
            else:
                self.assertLess(parent, seq)
                self.assertLess(level[parent], lvl)

    def test_checks_rows_and_gipr_check(self):
        severities = dict(self.q('SELECT rule, severity FROM gipr_rules'))
        for path in SEEDS:
            rows = self.q('SELECT rule, severity, status, line FROM gipr_checks(?)', path)
            for rule, severity, status, line in rows:
                self.assertEqual(severities[rule], severity)
                self.assertIn(status, ('pass', 'fail', 'skip'))
                self.assertTrue(line is None or line > 0)
            fails = sum(1 for r in rows if r[2] == 'fail')
            self.assertEqual(self.q('SELECT gipr_check(?)', path)[0][0], fails)

    def test_catalog_and_rules_equal_the_spec(self):
        spec = [tuple(v or None for v in r) for r in tsv('tests/fixtures/spec/indicators.tsv')]
        self.assertEqual(sorted(self.q('SELECT * FROM gipr_catalog')), sorted(spec))
        spec = [tuple(r) for r in tsv('tests/fixtures/spec/rules.tsv')]
        self.assertEqual(sorted(self.q('SELECT * FROM gipr_rules')), sorted(spec))

    def test_regions(self):
        rows = self.q("SELECT code, name, parent, level, full_name FROM gipr_regions WHERE code = '330304'")
        self.assertEqual(rows, [('330304', '瓯海区', '330300', 'county', '浙江省温州市瓯海区')])

    def test_gipr_number(self):
        cases = {'123': 123, '１２３': 123, '4.4万': 44000, '一百二十': 120, '12525.58': 12525.58,
                 '——': None, '/': None, '-': None, '': None, 'abc': None, None: None}
        for text, want in cases.items():
            got = self.q('SELECT gipr_number(?)', text)[0][0]
            self.assertEqual(got, want, text)
            self.assertIs(type(got), type(want), text)

    def test_version(self):
        self.assertRegex(self.q('SELECT gipr_version()')[0][0], r'^\d+\.\d+\.\d+$')


class Content(unittest.TestCase):
    """gipr_x(name, content): the report is the content, the name only names it."""

    def test_pages_join(self):
        db = connect()
        db.execute('CREATE TABLE pages(url TEXT, body)')
        for path in SEEDS[:3]:
            with open(path, 'rb') as f:
                raw = f.read()
            db.execute('INSERT INTO pages VALUES (?, ?)', ('https://example.gov.cn/' + os.path.basename(path), raw))
            db.execute('INSERT INTO pages VALUES (?, ?)', ('text:' + os.path.basename(path), raw.decode('utf-8')))
        got = db.execute('SELECT p.url, i.code, i.dim, i.value FROM pages p, gipr_indicators(p.url, p.body) i '
                         'ORDER BY p.url, i.rowid').fetchall()
        for path in SEEDS[:3]:
            want = db.execute('SELECT code, dim, value FROM gipr_indicators(?)', (path,)).fetchall()
            for prefix in ('https://example.gov.cn/', 'text:'):
                url = prefix + os.path.basename(path)
                self.assertEqual([r[1:] for r in got if r[0] == url], want, url)
        # the same with the table-valued function written first
        n = db.execute('SELECT count(*) FROM gipr_indicators(p.url, p.body) i, pages p').fetchone()[0]
        self.assertEqual(n, len(got))

    def test_same_name_other_content(self):
        db = connect()
        a = '一、总体情况\n本年度无。\n二、其他\n无。\n'
        b = '一、总体情况\n本年度无。\n'
        self.assertEqual(db.execute("SELECT count(*) FROM gipr_sections('x', ?)", (a,)).fetchone()[0], 2)
        self.assertEqual(db.execute("SELECT count(*) FROM gipr_sections('x', ?)", (b,)).fetchone()[0], 1)
        self.assertEqual(db.execute("SELECT path, bytes FROM gipr_reports('x', ?)", (b.encode(),)).fetchone(),
                         ('x', len(b.encode())))

    def test_gipr_check_with_content(self):
        db = connect()
        with open(SEEDS[1], 'rb') as f:
            raw = f.read()
        self.assertEqual(db.execute('SELECT gipr_check(?, ?)', ('x', raw)).fetchone()[0],
                         db.execute('SELECT gipr_check(?)', (SEEDS[1],)).fetchone()[0])


class Sources(unittest.TestCase):
    """Files, directories, globs; errors; the cache sees edits."""

    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.db = connect()
        for rel in ('b/2019.txt', 'a/x/deep.HTML', 'a/one.htm', 'a/notes.md', '.hidden/h.txt', 'top.txt'):
            self.write(rel, '一、总体情况\n本年度无。\n')

    def tearDown(self):
        shutil.rmtree(self.dir)

    def write(self, rel, text):
        path = os.path.join(self.dir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
        return path

    def paths(self, source):
        return [os.path.relpath(r[0], self.dir) for r in
                self.db.execute('SELECT path FROM gipr_reports(?)', (source,)).fetchall()]

    def test_directory_is_walked_in_order(self):
        self.assertEqual(self.paths(self.dir), ['a/one.htm', 'a/x/deep.HTML', 'b/2019.txt', 'top.txt'])

    def test_globs(self):
        d = self.dir
        self.assertEqual(self.paths(d + '/*.txt'), ['top.txt'])
        self.assertEqual(self.paths(d + '/**/*.txt'), ['b/2019.txt', 'top.txt'])
        self.assertEqual(self.paths(d + '/a/**'), ['a/notes.md', 'a/one.htm', 'a/x/deep.HTML'])
        self.assertEqual(self.paths(d + '/?/[o]ne.*'), ['a/one.htm'])
        self.assertEqual(self.paths(d + '/nothing/*.txt'), [])

    def test_symlink_loops(self):
        os.symlink('..', os.path.join(self.dir, 'a', 'x', 'up'))
        os.symlink(self.dir, os.path.join(self.dir, 'b', 'root'))
        self.assertEqual(self.paths(self.dir), ['a/one.htm', 'a/x/deep.HTML', 'b/2019.txt', 'top.txt'])
        self.assertEqual(len(self.paths(self.dir + '/**/*.txt')), 2)

    def test_missing_path_is_an_error(self):
        missing = os.path.join(self.dir, 'missing.txt')
        for table in ('gipr_reports', 'gipr_sections', 'gipr_indicators', 'gipr_checks'):
            with self.assertRaises(sqlite3.OperationalError) as e:
                self.db.execute(f'SELECT * FROM {table}(?)', (missing,)).fetchall()
            self.assertEqual(str(e.exception), f"gipr: cannot open '{missing}': No such file or directory")

    def test_unreadable_file_is_a_row_with_diagnostics(self):
        fifo = os.path.join(self.dir, 'fifo.txt')
        os.mkfifo(fifo)
        cases = [(fifo, 'not a regular file')]
        if os.geteuid() != 0:  # root reads anything
            locked = self.write('locked.txt', 'x')
            os.chmod(locked, 0)
            cases.append((locked, 'Permission denied'))
        for path, why in cases:
            rows = self.db.execute('SELECT path, diagnostics, sections, indicators FROM gipr_reports(?)', (path,)).fetchall()
            self.assertEqual(rows, [(path, f"cannot read '{path}': {why}", 0, 0)])
            for table in ('gipr_sections', 'gipr_indicators', 'gipr_checks'):
                self.assertEqual(self.db.execute(f'SELECT count(*) FROM {table}(?)', (path,)).fetchone()[0], 0)

    def test_edited_file_is_read_again(self):
        path = self.write('edit.txt', '一、总体情况\n本年度无。\n')
        count = 'SELECT count(*) FROM gipr_sections(?)'
        self.assertEqual(self.db.execute(count, (path,)).fetchone()[0], 1)
        self.write('edit.txt', '一、总体情况\n本年度无。\n二、其他\n无。\n')
        self.assertEqual(self.db.execute(count, (path,)).fetchone()[0], 2)
        self.write('edit.txt', '一、甲乙\n本年度无。\n')  # same size as the first version
        self.assertEqual(self.db.execute('SELECT heading FROM gipr_sections(?)', (path,)).fetchall(), [('甲乙',)])

    def test_files_are_read_lazily(self):
        # the second file is read only when its rows are asked for: delete it once the first row
        # is there (execute steps to the first row; each fetchone steps to the next)
        cur = self.db.execute('SELECT path, diagnostics FROM gipr_reports(?)', (self.dir + '/**/*.txt',))
        os.remove(os.path.join(self.dir, 'top.txt'))
        first, second = cur.fetchone(), cur.fetchone()
        self.assertTrue(first[0].endswith('b/2019.txt'))
        self.assertIn('No such file or directory', second[1])

    def test_create_virtual_table(self):
        self.db.execute(f"CREATE VIRTUAL TABLE r USING gipr_reports('{self.dir}/**/*.txt')")
        self.assertEqual(self.db.execute('SELECT count(*) FROM r').fetchone()[0], 2)
        self.db.execute(f"CREATE VIRTUAL TABLE s USING gipr_sections(\"{self.dir}\")")
        self.assertEqual(self.db.execute('SELECT count(DISTINCT path) FROM s').fetchone()[0], 4)

    def test_declared_table_survives_reopening(self):
        dbfile = os.path.join(self.dir, 'reports.db')
        db = sqlite3.connect(dbfile)
        db.enable_load_extension(True)
        db.load_extension(SO)
        db.execute(f"CREATE VIRTUAL TABLE r USING gipr_reports('{self.dir}/**/*.txt')")
        db.commit()
        db.close()
        db = sqlite3.connect(dbfile)
        with self.assertRaises(sqlite3.OperationalError):  # the module comes with the extension
            db.execute('SELECT count(*) FROM r').fetchone()
        db.enable_load_extension(True)
        db.load_extension(SO)
        self.assertEqual(db.execute('SELECT count(*) FROM r').fetchone()[0], 2)
        db.close()

    def test_many_files_one_statement(self):
        # more files than the cache holds, joined over one glob: every file's rows exactly once
        numbers = '一二三四五六七八九十'
        for i in range(20):
            self.write(f'many/{i:02d}.txt', ''.join(f'{n}、标题{n}\n正文。\n' for n in numbers[:i % 10 + 1]))
        glob = self.dir + '/many/*.txt'
        n = self.db.execute('SELECT count(*) FROM gipr_reports(?) r JOIN gipr_sections(?) s ON s.path = r.path',
                            (glob, glob)).fetchone()[0]
        each = [self.db.execute('SELECT count(*) FROM gipr_sections(?)', (p,)).fetchone()[0]
                for p in sorted(os.path.join(self.dir, 'many', f) for f in os.listdir(self.dir + '/many'))]
        self.assertEqual(n, sum(each))
        self.assertGreater(n, 20)


if __name__ == '__main__':
    unittest.main()
