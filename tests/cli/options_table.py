#!/usr/bin/env python3
"""README.md's option table is `rsconn options --markdown`, between two marker comments.

    options_table.py check RSCONN_BINARY README   exit 1 (with a diff) when the block differs
    options_table.py update RSCONN_BINARY README  rewrite the block (scripts/update-options-table.sh)

The block is every line between `<!-- options-table:begin -->` and `<!-- options-table:end -->`,
exactly the command's output.
"""

import difflib
import subprocess
import sys

BEGIN = "<!-- options-table:begin -->\n"
END = "<!-- options-table:end -->\n"


def generated(binary):
    completed = subprocess.run([binary, "options", "--markdown"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               timeout=60, check=False)
    if completed.returncode != 0:
        sys.exit("options_table: `%s options --markdown` exited %d: %s"
                 % (binary, completed.returncode, completed.stderr.decode("utf-8", errors="replace")))
    return completed.stdout.decode("utf-8")


def split(text, readme):
    """(before, block, after): the block without the marker lines."""
    if text.count(BEGIN) != 1 or text.count(END) != 1 or text.index(BEGIN) > text.index(END):
        sys.exit("options_table: %s must hold one %r line and, after it, one %r line"
                 % (readme, BEGIN.strip(), END.strip()))
    start = text.index(BEGIN) + len(BEGIN)
    end = text.index(END)
    return text[:start], text[start:end], text[end:]


def main(argv):
    if len(argv) != 4 or argv[1] not in ("check", "update"):
        print(__doc__, file=sys.stderr)
        return 2
    mode, binary, readme = argv[1:]
    with open(readme, encoding="utf-8", newline="") as f:
        text = f.read()
    before, block, after = split(text, readme)
    table = generated(binary)
    if mode == "update":
        if block != table:
            with open(readme, "w", encoding="utf-8", newline="") as f:
                f.write(before + table + after)
            print("options_table: rewrote the table in %s" % readme)
        else:
            print("options_table: %s is up to date" % readme)
        return 0
    if block == table:
        print("options_table: %s's table matches `rsconn options --markdown` (%d rows)"
              % (readme, max(0, table.count("\n") - 2)))
        return 0
    diff = list(difflib.unified_diff(block.splitlines(True), table.splitlines(True),
                                     "README.md (marked block)", "rsconn options --markdown"))
    sys.stdout.writelines(diff[:80])
    if len(diff) > 80:
        print("... (%d more diff lines)" % (len(diff) - 80))
    print("options_table: %s's option table is out of date; regenerate it with scripts/update-options-table.sh"
          % readme)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
