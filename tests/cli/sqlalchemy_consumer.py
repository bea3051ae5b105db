#!/usr/bin/python3
"""SQLAlchemy itself reads rsconn's SQLAlchemy URLs, and rsconn reads SQLAlchemy's.

    sqlalchemy_consumer.py RSCONN_BINARY

Run with Debian's /usr/bin/python3 and its python3-sqlalchemy (scripts/install-deps.sh).

- Written: for hostile users, passwords, databases and option values (quotes, backslashes,
  newlines, $(...), `...`, JSON control characters, non-ASCII, %, +, @, /, :, ?, #, &, =), the URL
  `rsconn convert --to sqlalchemy --show-secrets` writes is read by sqlalchemy.engine.make_url to
  exactly those parts, and the keyword arguments the dialect's create_connect_args builds from it
  (SQLAlchemy's psycopg2 dialect; DefaultDialect's, which sqlalchemy-redshift's
  redshift_connector dialect calls) are the source's values under the driver's names.
- Read: URLs SQLAlchemy renders itself (URL.create(...).render_as_string) are read by
  `rsconn parse --from sqlalchemy --json --show-secrets` to the same parts.
Exits 1 when any check fails, printing each failure.
"""

import json
import subprocess
import sys
import urllib.parse

from sqlalchemy.dialects.postgresql.psycopg2 import PGDialect_psycopg2
from sqlalchemy.engine import make_url
from sqlalchemy.engine.default import DefaultDialect
from sqlalchemy.engine.url import URL

BINARY = None
CHECKS = 0
FAILURES = []

HOST = "examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com"
HOSTILE = [
    "plain",
    "p@ss w0rd;}'x\"\\{=+%",
    "a:b/c?d#e&f=g+h%20i",
    "$(touch /tmp/rsconn-pwned) `id` ${HOME}",
    "line\nbreak\ttab\r\x01\x1f\x7f",
    "caf\u00e9 \u20ac \U0001F600 \u00a0",
    "%zz%2B%%",
    "@@@",
    "\"quoted\" 'single' \\\\",
    "{\"json\": [1, 2]}\u2028\u2029",
]


def check(condition, what, detail=None):
    global CHECKS
    CHECKS += 1
    if not condition:
        FAILURES.append(what + ("" if detail is None else "\n    " + repr(detail)))
    return condition


def rsconn(*args):
    completed = subprocess.run([BINARY, *args], capture_output=True, check=False)
    return completed.returncode, completed.stdout.decode("utf-8"), completed.stderr.decode("utf-8", errors="replace")


def libpq_quoted(value):
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def jdbc_encoded(value):
    # java.net.URLDecoder reads %XX as UTF-8 and '+' as a space; quote() encodes '+'.
    return urllib.parse.quote(value, safe="")


def written(source, what):
    code, out, err = rsconn("convert", "--to", "sqlalchemy", "--show-secrets", source)
    if not check(code == 0 and out.endswith("\n") and out.count("\n") == 1, what + ": one URL", (code, out, err)):
        return None
    return out[:-1]


def test_written():
    for value in HOSTILE:
        # psycopg2's dialect, from a libpq string: every part and a libpq option.
        source = "host=%s port=5439 dbname=%s user=%s password=%s application_name=%s sslmode=verify-ca" % (
            HOST, libpq_quoted(value), libpq_quoted(value), libpq_quoted(value), libpq_quoted(value))
        what = "libpq string with %r" % value
        url = written(source, what)
        if url is not None:
            parsed = make_url(url)
            check(parsed.drivername == "redshift+psycopg2", what + ": scheme", url)
            check((parsed.username, parsed.password, parsed.host, parsed.port) == (value, value, HOST, 5439),
                  what + ": make_url reads user, password, host, port", (url, parsed.username, parsed.password))
            _, kwargs = PGDialect_psycopg2().create_connect_args(parsed)
            expected = {"host": HOST, "port": 5439, "user": value, "password": value, "application_name": value,
                        "sslmode": "verify-ca"}
            expected["database" if "database" in kwargs else "dbname"] = value
            check(kwargs == expected, what + ": psycopg2's keyword arguments", (url, kwargs))

        # redshift_connector's dialect, from a JDBC URL: names translated into redshift_connector's.
        source = "jdbc:redshift://%s:5439/%s?UID=%s&PWD=%s&ApplicationName=%s&sslmode=verify-full" % (
            HOST, "dev", jdbc_encoded(value), jdbc_encoded(value), jdbc_encoded(value))
        what = "JDBC URL with %r" % value
        url = written(source, what)
        if url is not None:
            parsed = make_url(url)
            check(parsed.drivername == "redshift+redshift_connector", what + ": scheme", url)
            # DefaultDialect.create_connect_args, then sqlalchemy-redshift's rename of username.
            _, kwargs = DefaultDialect().create_connect_args(parsed)
            kwargs["user"] = kwargs.pop("username")
            expected = {"host": HOST, "port": 5439, "database": "dev", "user": value, "password": value,
                        "application_name": value, "sslmode": "verify-full"}
            check(kwargs == expected, what + ": redshift_connector's keyword arguments", (url, kwargs))

    # Databases that need the query (psycopg2's dbname) and list options (repeated parameters).
    code, out, _ = rsconn("convert", "--from", "sqlalchemy", "--to", "sqlalchemy", "--show-secrets",
                          "redshift+redshift_connector://u@%s:5439?database=a%%2Fb%%3Fc&db_groups=g1&db_groups=g%%2C2"
                          % HOST)
    check(code == 1, "a list element holding ',' is refused", out)
    code, out, _ = rsconn("convert", "--from", "sqlalchemy", "--to", "sqlalchemy",
                          "redshift+redshift_connector://u@%s:5439?database=a%%2Fb%%3Fc&db_groups=g1&db_groups=g+2" % HOST)
    if check(code == 0, "database in the query and a list: converted", out):
        _, kwargs = DefaultDialect().create_connect_args(make_url(out.strip()))
        # A repeated parameter is a sequence (a tuple in URL.query), which redshift_connector takes as its list.
        check(kwargs.get("database") == "a/b?c" and list(kwargs.get("db_groups", ())) == ["g1", "g 2"],
              "the database and the list as SQLAlchemy passes them", (out, kwargs))


def test_read():
    for value in HOSTILE:
        if "\n" in value or "\r" in value or "\x01" in value or "\x7f" in value:
            continue  # render_as_string writes control characters raw; rsconn refuses them
        for scheme, driver in (("redshift+psycopg2", "libpq"), ("redshift+redshift_connector", "python")):
            url = URL.create(scheme, username=value, password=value, host=HOST, port=5439, database="dev",
                             query={"application_name": value})
            text = url.render_as_string(hide_password=False)
            what = "%s URL rendered by SQLAlchemy with %r" % (scheme, value)
            code, out, err = rsconn("parse", "--from", "sqlalchemy", "--json", "--show-secrets", text)
            if not check(code == 0, what + ": rsconn reads it", (text, out, err)):
                continue
            obj = json.loads(out)
            back = make_url(text)
            properties = {p["key"]: p["value"] for p in obj["properties"]}
            check(obj["hosts"] == [{"host": back.host, "port": back.port}], what + ": host and port", obj["hosts"])
            check(obj["database"] == back.database, what + ": database", obj["database"])
            check(properties == {"user": back.username, "password": back.password,
                                 "application_name": back.query["application_name"]},
                  what + ": user, password and the query as make_url reads them", (text, properties))


def main(argv):
    global BINARY
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    BINARY = argv[1]
    test_written()
    test_read()
    for failure in FAILURES:
        print("FAIL: " + failure)
    print("%d checks, %d failed" % (CHECKS, len(FAILURES)))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
