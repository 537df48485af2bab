"""liftests.html_export: where plotly.js goes in the exported page, and the version check."""
import os
import tempfile
import unittest

from liftests import html_export

PAGE = ('<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>t</title>\n'
        '<script src="require.js"></script>\n</head>\n<body></body>\n</html>\n')


class HtmlExportTest(unittest.TestCase):
    def test_plotly_goes_before_the_first_script_and_after_the_meta_charset(self):
        html = html_export.inject(PAGE, "<script>PLOTLY</script>")
        self.assertLess(html.index('<meta charset="utf-8">'), html.index("PLOTLY"))
        self.assertLess(html.index("PLOTLY"), html.index("require.js"))

    def test_a_page_without_head_is_refused(self):
        with self.assertRaisesRegex(ValueError, "no <head>"):
            html_export.inject("<html><body></body></html>", "<script></script>")

    def test_inline_plotly_must_be_the_pinned_version_and_cannot_close_its_script(self):
        with tempfile.TemporaryDirectory() as d:
            js = os.path.join(d, "plotly.js")
            with open(js, "w", encoding="utf-8") as f:
                f.write('/** plotly.js (cartesian - minified) v9.8.7 */ var s = "</script>";')
            tag = html_export.plotly_inline(js, "9.8.7")
            self.assertIn('data-lif-plotly="9.8.7"', tag)
            self.assertEqual(1, tag.count("</script>"))  # only the tag's own end
            with self.assertRaisesRegex(ValueError, "is not plotly.js 2.35.3"):
                html_export.plotly_inline(js, "2.35.3")
