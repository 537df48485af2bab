"""bin/lib/layout.py and the layout file Maven writes (src/layout/layout.properties)."""
import os
import re
import tempfile
import unittest

from liftests import ROOT, layout


class LayoutTest(unittest.TestCase):
    def write(self, text):
        f = tempfile.NamedTemporaryFile("w", suffix=".properties", delete=False)
        f.write(text)
        f.close()
        self.addCleanup(os.remove, f.name)
        return f.name

    def test_reads_keys_values_and_skips_comments(self):
        path = self.write("# a comment\n\nlib.jar=lib/target/lif-9.jar\nplotly.version = 2.35.3\nurl=a=b\n")
        self.assertEqual({"lib.jar": "lib/target/lif-9.jar", "plotly.version": "2.35.3", "url": "a=b"},
                         layout.read(path))
        self.assertEqual(os.path.join(ROOT, "lib/target/lif-9.jar"), layout.path("lib.jar", path))

    def test_a_missing_key_names_the_key_and_the_keys_there(self):
        path = self.write("lib.jar=x\n")
        with self.assertRaisesRegex(KeyError, "no key 'kernel.jar'.*lib.jar"):
            layout.get("kernel.jar", path)

    def test_a_missing_file_says_to_build(self):
        with self.assertRaisesRegex(layout.MissingLayout, "mvn -q package"):
            layout.read(os.path.join(ROOT, "no-such", "layout.properties"))

    def test_the_template_names_every_key_the_tools_read(self):
        with open(os.path.join(ROOT, "src", "layout", "layout.properties"), encoding="utf-8") as f:
            template = f.read()
        keys = set(re.findall(r"^([a-z.]+)=", template, flags=re.MULTILINE))
        used = set()
        for folder in ("bin", "tests"):
            for base, dirs, files in os.walk(os.path.join(ROOT, folder)):
                dirs[:] = [d for d in dirs if d not in ("node_modules", "__pycache__")]
                for name in files:
                    with open(os.path.join(base, name), encoding="utf-8", errors="replace") as f:
                        text = f.read()
                    used |= set(re.findall(r"layout\.(?:get|path)\(\"([a-z.]+)\"", text))
                    used |= set(re.findall(r"\$\(layout ([a-z.]+)\)", text))
        self.assertGreaterEqual(used, {"lib.jar", "kernel.jar", "kernel.name", "plotly.version"}, "readers found")
        self.assertLessEqual(used, keys, "keys read but not in src/layout/layout.properties")
