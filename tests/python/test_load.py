"""The extension loads into Python's sqlite3 module (Debian's /usr/bin/python3)."""
import os, sqlite3, unittest

SO = os.environ.get('GIPR_SO', os.path.abspath('gipr.so'))


def connect():
    db = sqlite3.connect(':memory:')
    db.enable_load_extension(True)
    db.load_extension(SO)
    return db


class LoadTest(unittest.TestCase):
    def test_version(self):
        self.assertEqual(connect().execute('SELECT gipr_version()').fetchone()[0], '0.1.0')


if __name__ == '__main__':
    unittest.main()
