"""Problems found in the sources, collected (as nmaci does) so that one run names them all."""


class Problems:
    """Each problem as "FILE:LINE: message" (FILE relative to the project root; LINE left out when the
    problem is a whole file's). The same problem found twice (e.g. in the student and the solution notebook)
    is kept once."""

    def __init__(self, project):
        self.project = project
        self.found = []

    def add(self, path, line, message):
        where = self.project.rel(path) + (":%d" % line if line else "")
        text = "%s: %s" % (where, message)
        if text not in self.found:
            self.found.append(text)

    def __len__(self):
        return len(self.found)

    def __iter__(self):
        return iter(self.found)


class SourceErrors(Exception):
    """Raised once all sources were read, when any problem was found; str() lists them, one per line."""

    def __init__(self, problems):
        super().__init__("\n".join(problems))
        self.problems = list(problems)
