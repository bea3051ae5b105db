#!/usr/bin/env python3
"""The rsconn command's manual page and bash completion, against the CLI itself.

Usage: cli_manual.py RSCONN SOURCE_DIR BUILD_DIR

Every subcommand, flag and value list that `rsconn SUB --help` shows must be in rsconn.1 (which
must render without groff warnings) and be what rsconn.bash completes; `cmake --install` of the
build tree must install the binary, the page and the completion. Exits 1 on any failure.
"""
import os
import re
import subprocess
import sys
import tempfile

failures = 0


def check(ok, what):
    global failures
    if not ok:
        failures += 1
        print("FAIL: " + what)
    return ok


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, timeout=60, **kw)


def help_of(rsconn, *sub):
    out = run([rsconn, *sub, "--help"])
    assert out.returncode == 0, out
    return out.stdout


def subcommands(rsconn):
    text = help_of(rsconn)
    section = text.split("Subcommands:", 1)[1]
    return [line.split()[0] for line in section.splitlines() if line.strip()]


def flags_and_choices(help_text):
    """The --flags of a subcommand's help, and for each flag with a value list, the list."""
    flags, choices = [], {}
    for line in help_text.splitlines():
        m = re.match(r"\s+(?:-h,)?(--[a-z-]+)(?:\s+(?:TEXT|INT|ENUM)(?::\{([^}]*)\})?)?", line)
        if not m:
            continue
        flags.append(m.group(1))
        if m.group(2):
            choices[m.group(1)] = m.group(2).split(",")
    return flags, choices


def complete(script, words):
    """What rsconn.bash offers for the command line `words` (the last word is being completed)."""
    program = 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _rsconn; printf "%s\\n" "${COMPREPLY[@]}"'
    out = run(["bash", "-c", program, "complete", script, *words])
    assert out.returncode == 0, out
    return sorted(w for w in out.stdout.split("\n") if w)


def main():
    rsconn, source_dir, build_dir = sys.argv[1:4]
    manual_path = os.path.join(source_dir, "examples", "rsconn", "rsconn.1")
    script = os.path.join(source_dir, "examples", "rsconn", "rsconn.bash")
    manual = open(manual_path, encoding="utf-8").read()

    # groff: the page renders, without a warning.
    out = run(["groff", "-man", "-Tutf8", "-ww", "-z", manual_path])
    check(out.returncode == 0 and out.stderr == "", "rsconn.1 renders without groff warnings: " + out.stderr)

    def in_manual(word):
        return word.replace("-", "\\-") in manual

    commands = subcommands(rsconn)
    check(commands == ["parse", "check", "convert", "build", "options"], "the subcommands: %r" % commands)
    check(complete(script, ["rsconn", ""]) == sorted(commands + ["--help", "--version"]),
          "rsconn <TAB> offers the subcommands, --help and --version")
    check(complete(script, ["rsconn", "con"]) == ["convert"], "rsconn con<TAB> completes convert")
    for sub in commands:
        check(re.search(r"^\.B rsconn %s$" % sub, manual, re.M) is not None, "rsconn.1 has a synopsis of " + sub)
        check(re.search(r"^\.B %s$" % sub, manual, re.M) is not None, "rsconn.1 describes " + sub)
        flags, choices = flags_and_choices(help_of(rsconn, sub))
        check(len(flags) >= 2, "rsconn %s --help lists flags" % sub)
        for flag in flags:
            check(flag == "--help" or in_manual(flag), "rsconn.1 has %s %s" % (sub, flag))
        offered = complete(script, ["rsconn", sub, "--"])
        check(offered == sorted(flags), "rsconn %s --<TAB>: %r, --help shows %r" % (sub, offered, sorted(flags)))
        for flag, values in choices.items():
            offered = complete(script, ["rsconn", sub, flag, ""])
            check(offered == sorted(values), "rsconn %s %s <TAB>: %r, --help shows %r" % (sub, flag, offered, values))
            for value in values:
                check(in_manual(value), "rsconn.1 names %s's value %s" % (flag, value))
    # A flag's value does not end the subcommand's flags.
    check(complete(script, ["rsconn", "convert", "--to", "odbc", "--dri"]) == ["--driver"],
          "flags complete after a flag's value")
    check(complete(script, ["rsconn", "check", "jdbc:redshift://h/dev", ""]) == [],
          "nothing is offered for an INPUT")

    # cmake --install of the build tree: the binary, the page and the completion.
    with tempfile.TemporaryDirectory() as prefix:
        out = run(["cmake", "--install", build_dir, "--prefix", prefix])
        if check(out.returncode == 0, "cmake --install: " + out.stderr):
            installed = {
                os.path.join(prefix, "share", "man", "man1", "rsconn.1"): manual_path,
                os.path.join(prefix, "share", "bash-completion", "completions", "rsconn"): script,
            }
            for path, source in installed.items():
                check(os.path.isfile(path) and open(path, "rb").read() == open(source, "rb").read(),
                      "cmake --install puts %s" % os.path.relpath(path, prefix))
            binary = os.path.join(prefix, "bin", "rsconn")
            check(os.access(binary, os.X_OK) and run([binary, "--version"]).returncode == 0,
                  "cmake --install puts bin/rsconn, which runs")

    print("cli_manual: %s" % ("ok" if failures == 0 else "%d failure(s)" % failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
