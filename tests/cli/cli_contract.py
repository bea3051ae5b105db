#!/usr/bin/env python3
"""Contract tests for the `rsconn` command (README, "The rsconn command").

Runs the real binary and checks what scripts outside the repository depend on: the flags, the
JSON keys and types of `parse --json`, the error object, the stderr echo (masked, with a caret),
the exit codes (0 success, 1 failure, 2 usage), `-` reading stdin, that every conversion
re-parses to the same connection without leaking secrets, and `options` (the option catalogue:
its list, one option explained, the JSON keys, the Markdown table).

    cli_contract.py RSCONN_BINARY [GROUP...]

GROUP is one of parse, errors, usage, check, convert, build, options (default: all). Exits 1 when any
check fails, printing each failure.
"""

import json
import shlex
import subprocess
import sys

BINARY = None
CHECKS = 0
FAILURES = []

HOST_E2 = "default.123456789012.us-east-2.redshift-serverless.amazonaws.com"
HOST_E1 = "default.123456789012.us-east-1.redshift-serverless.amazonaws.com"
HOST_CN = "default.123456789012.cn-north-1.redshift-serverless.amazonaws.com.cn"
HOST_GOV = "default.123456789012.us-gov-west-1.redshift-serverless.amazonaws.com"
HOST_VPCE = "myep-endpoint-abcdefghij0123456789.123456789012.us-east-1.redshift-serverless.amazonaws.com"
HOST_PROVISIONED = "examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com"

JSON_KEYS = {"form", "iam", "hosts", "database", "target", "host_kind", "workgroup", "account_id",
             "region", "partition", "cluster_id", "legacy_iam", "properties", "diagnostics"}
FORMS = {"jdbc", "odbc", "libpq-keywords", "libpq-uri", "endpoint", "host", "sqlalchemy-redshift-connector",
         "sqlalchemy-psycopg2"}
TARGETS = {"serverless", "provisioned", "unknown"}
HOST_KINDS = {"serverless", "vpc-endpoint", "provisioned", "other", None}
PARTITIONS = {"aws", "aws-cn", "aws-us-gov", None}
CONVERT_FORMS = ["jdbc", "jdbc-iam", "jdbc-iam-legacy", "odbc", "endpoint", "libpq", "libpq-uri",
                 "rsql", "data-api", "sqlalchemy"]
PARSEABLE_FORMS = ["jdbc", "jdbc-iam", "jdbc-iam-legacy", "odbc", "endpoint", "libpq", "libpq-uri", "sqlalchemy"]
# Written forms that detection does not recognise (none today): re-parsed with --from.
UNDETECTED_FORMS = []


class Run:
    def __init__(self, args, completed):
        self.args = args
        self.code = completed.returncode
        self.out_bytes = completed.stdout
        self.err_bytes = completed.stderr
        self.out = completed.stdout.decode("utf-8", errors="replace")
        self.err = completed.stderr.decode("utf-8", errors="replace")

    def __repr__(self):
        return "rsconn %s -> exit %d\n    stdout: %r\n    stderr: %r" % (
            " ".join(shlex.quote(a if isinstance(a, str) else a.decode("latin-1")) for a in self.args),
            self.code, self.out, self.err)


def rsconn(*args, stdin=b""):
    if isinstance(stdin, str):
        stdin = stdin.encode()
    completed = subprocess.run([BINARY, *args], input=stdin, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, timeout=30, check=False)
    return Run(args, completed)


def check(condition, what, run=None):
    global CHECKS
    CHECKS += 1
    if not condition:
        FAILURES.append(what + ("\n    " + repr(run) if run is not None else ""))
    return bool(condition)


def check_equal(actual, expected, what, run=None):
    return check(actual == expected, "%s: expected %r, got %r" % (what, expected, actual), run)


def is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def is_text_or_null(value):
    return value is None or isinstance(value, str)


def one_json_object(run, what):
    """stdout is exactly one JSON object on one line; returns it (or None)."""
    lines = run.out.split("\n")
    if not check(len(lines) == 2 and lines[1] == "", what + ": stdout is one line", run):
        return None
    try:
        value = json.loads(run.out_bytes.decode("utf-8"))  # strict: valid UTF-8, one value
    except (ValueError, UnicodeDecodeError) as e:
        check(False, "%s: stdout is JSON (%s)" % (what, e), run)
        return None
    check(isinstance(value, dict), what + ": stdout is a JSON object", run)
    return value if isinstance(value, dict) else None


def parse_json(text, *flags, what=None, expect_exit=0):
    """`rsconn parse --json [flags] text`; checks the schema; returns the object."""
    what = what or "parse --json %r" % text
    run = rsconn("parse", "--json", *flags, text)
    check_equal(run.code, expect_exit, what + ": exit code", run)
    obj = one_json_object(run, what)
    if obj is None:
        return None
    if expect_exit == 0:
        check_schema(obj, what, run)
        check_equal(run.err, "", what + ": nothing on stderr", run)
    return obj


def check_schema(obj, what, run):
    check_equal(set(obj), JSON_KEYS, what + ": keys", run)
    if set(obj) != JSON_KEYS:
        return
    check(obj["form"] in FORMS, what + ": form is one of the documented forms", run)
    check(isinstance(obj["iam"], bool), what + ": iam is a bool", run)
    check(isinstance(obj["legacy_iam"], bool), what + ": legacy_iam is a bool", run)
    check(obj["target"] in TARGETS, what + ": target is documented", run)
    check(obj["host_kind"] in HOST_KINDS, what + ": host_kind is documented", run)
    check(obj["partition"] in PARTITIONS, what + ": partition is documented", run)
    for key in ("database", "workgroup", "account_id", "region", "cluster_id"):
        check(is_text_or_null(obj[key]), "%s: %s is a string or null" % (what, key), run)
    hosts_ok = isinstance(obj["hosts"], list) and all(
        isinstance(h, dict) and set(h) == {"host", "port"} and isinstance(h["host"], str) and is_int(h["port"])
        for h in obj["hosts"])
    check(hosts_ok, what + ": hosts is an array of {host: string, port: integer}", run)
    properties_ok = isinstance(obj["properties"], list) and all(
        isinstance(p, dict) and set(p) == {"key", "value", "setting"} and isinstance(p["key"], str)
        and isinstance(p["value"], str) and is_text_or_null(p["setting"])
        for p in obj["properties"])
    check(properties_ok, what + ": properties is an array of {key, value: strings, setting: string or null}", run)
    diagnostics_ok = isinstance(obj["diagnostics"], list) and all(
        isinstance(d, dict) and set(d) == {"severity", "code", "offset", "message"}
        and d["severity"] in ("error", "warning") and isinstance(d["code"], str) and d["code"]
        and is_int(d["offset"]) and d["offset"] >= 0 and isinstance(d["message"], str) and d["message"]
        for d in obj["diagnostics"])
    check(diagnostics_ok, what + ": diagnostics is an array of {severity, code, offset, message}", run)
    if hosts_ok:
        check((obj["host_kind"] is None) == (obj["hosts"] == []), what + ": host_kind is null exactly when hosts is empty", run)


def key_values(properties):
    """Properties as {key, value} only (their `setting` is checked in the options group)."""
    return [{"key": p.get("key"), "value": p.get("value")} for p in properties] if isinstance(properties, list) else properties


def check_fields(obj, expected, what):
    if obj is None:
        return
    for key, value in expected.items():
        actual = key_values(obj.get(key)) if key == "properties" else obj.get(key)
        check_equal(actual, value, "%s: %s" % (what, key))


def serverless(host, region, partition="aws", **extra):
    fields = {"hosts": [{"host": host, "port": 5439}], "target": "serverless", "host_kind": "serverless",
              "workgroup": "default", "account_id": "123456789012", "region": region,
              "partition": partition, "cluster_id": None, "legacy_iam": False}
    fields.update(extra)
    return fields


def codes(obj, severity=None):
    return [d["code"] for d in obj["diagnostics"] if severity is None or d["severity"] == severity]


# --- parse --json --------------------------------------------------------------------------

def test_parse():
    cases = [
        # The seed document's examples, one per form.
        ("jdbc:redshift://%s:5439/dev" % HOST_E2,
         serverless(HOST_E2, "us-east-2", form="jdbc", iam=False, database="dev", properties=[], diagnostics=[])),
        ("jdbc:redshift:iam://%s:5439/dev" % HOST_E2,
         serverless(HOST_E2, "us-east-2", form="jdbc", iam=True, database="dev", properties=[], diagnostics=[])),
        ("jdbc:redshift:iam://redshift-serverless-default:us-east-1/dev",
         {"form": "jdbc", "iam": True, "legacy_iam": True, "hosts": [], "host_kind": None, "database": "dev",
          "target": "serverless", "workgroup": "default", "region": "us-east-1", "partition": "aws",
          "account_id": None, "cluster_id": "redshift-serverless-default", "properties": []}),
        ("jdbc:redshift:dev",
         {"form": "jdbc", "iam": False, "legacy_iam": False, "database": "dev",
          "hosts": [{"host": "localhost", "port": 5439}], "host_kind": "other", "target": "unknown",
          "workgroup": None, "account_id": None, "region": None, "partition": None, "cluster_id": None}),
        ("Driver={Amazon Redshift (x64)}; Server=%s; Database=dev" % HOST_E1,
         serverless(HOST_E1, "us-east-1", form="odbc", iam=False, database="dev", diagnostics=[],
                    properties=[{"key": "Driver", "value": "Amazon Redshift (x64)"},
                                {"key": "Server", "value": HOST_E1}, {"key": "Database", "value": "dev"}])),
        ("host=%s port=5439 dbname=dev sslmode=verify-full" % HOST_E1,
         serverless(HOST_E1, "us-east-1", form="libpq-keywords", iam=False, database="dev", diagnostics=[],
                    properties=[{"key": "host", "value": HOST_E1}, {"key": "port", "value": "5439"},
                                {"key": "dbname", "value": "dev"}, {"key": "sslmode", "value": "verify-full"}])),
        # TLS that checks no certificate: a warning at the option that decides it.
        ("host=%s port=5439 dbname=dev sslmode=require" % HOST_E1,
         {"diagnostics": [{"severity": "warning", "code": "tls_unverified", "offset": len(HOST_E1) + 27,
                           "message": "libpq connects with sslmode require: TLS without a certificate check, so nothing "
                                      "proves the server is the one named; set sslmode=verify-full and "
                                      "sslrootcert=<the Redshift CA bundle>"}]}),
        ("postgresql://admin@%s:5439/dev" % HOST_E1,
         serverless(HOST_E1, "us-east-1", form="libpq-uri", iam=False, database="dev",
                    properties=[{"key": "user", "value": "admin"}])),
        ("%s:5439/dev" % HOST_E1,
         serverless(HOST_E1, "us-east-1", form="endpoint", iam=False, database="dev", properties=[], diagnostics=[])),
        (HOST_E1, serverless(HOST_E1, "us-east-1", form="host", iam=False, database=None, properties=[])),
        # Partitions: China's DNS suffix, GovCloud's region.
        ("jdbc:redshift://%s:5439/dev" % HOST_CN,
         serverless(HOST_CN, "cn-north-1", partition="aws-cn", form="jdbc", database="dev", diagnostics=[])),
        ("%s:5439/dev" % HOST_CN, serverless(HOST_CN, "cn-north-1", partition="aws-cn", form="endpoint")),
        ("jdbc:redshift://%s:5439/dev" % HOST_GOV,
         serverless(HOST_GOV, "us-gov-west-1", partition="aws-us-gov", form="jdbc", diagnostics=[])),
        # A Redshift-managed VPC endpoint: its first label is not the workgroup.
        ("jdbc:redshift://%s:5439/dev" % HOST_VPCE,
         serverless(HOST_VPCE, "us-east-1", form="jdbc", host_kind="vpc-endpoint", workgroup=None)),
        ("jdbc:redshift://%s:5439/dev?serverlessWorkGroup=default" % HOST_VPCE,
         serverless(HOST_VPCE, "us-east-1", form="jdbc", host_kind="vpc-endpoint", workgroup="default",
                    properties=[{"key": "serverlessWorkGroup", "value": "default"}])),
        ("Server=%s;Port=5439;Database=dev" % HOST_VPCE,
         serverless(HOST_VPCE, "us-east-1", form="odbc", host_kind="vpc-endpoint", workgroup=None)),
        # Provisioned cluster.
        ("jdbc:redshift://%s:5439/dev" % HOST_PROVISIONED,
         {"form": "jdbc", "target": "provisioned", "host_kind": "provisioned", "cluster_id": "examplecluster",
          "workgroup": None, "account_id": None, "region": "us-west-2", "partition": "aws", "legacy_iam": False}),
        # Explicit properties beat the host: the effective values.
        ("jdbc:redshift://%s:5439/dev?Region=us-west-2&serverlessWorkGroup=other&serverlessAcctId=210987654321" % HOST_E1,
         {"workgroup": "other", "account_id": "210987654321", "region": "us-west-2", "partition": "aws",
          "hosts": [{"host": HOST_E1, "port": 5439}]}),
        ("jdbc:redshift:iam://redshift-serverless-default:cn-north-1/dev",
         {"legacy_iam": True, "hosts": [], "host_kind": None, "workgroup": "default", "partition": "aws-cn"}),
        # Port kept as written; multiple hosts.
        ("host=a,b port=5439,8191 dbname=dev",
         {"form": "libpq-keywords", "hosts": [{"host": "a", "port": 5439}, {"host": "b", "port": 8191}]}),
        ("jdbc:redshift://%s:8191/dev" % HOST_E1, {"hosts": [{"host": HOST_E1, "port": 8191}], "diagnostics": []}),
        # The IAM form keeps any 32-bit port; validation reports it (exit 0 all the same).
        ("jdbc:redshift:iam://h:99999/dev",
         {"hosts": [{"host": "h", "port": 99999}], "iam": True, "host_kind": "other", "target": "unknown",
          "diagnostics": [{"severity": "error", "code": "invalid_port", "offset": 22,
                           "message": "port 99999 is not a TCP port (1-65535)"}]}),
    ]
    for text, expected in cases:
        what = "parse --json %r" % text
        check_fields(parse_json(text, what=what), expected, what)

    # Properties: input order, duplicates kept, secrets *** unless --show-secrets (decoded).
    url = "jdbc:redshift://%s:5439/dev?user=admin&password=s3cr%%21t&user=bob&ssl=true&SessionToken=ab%%2Bcd" % HOST_E1
    shown = [{"key": "user", "value": "admin"}, {"key": "password", "value": "***"}, {"key": "user", "value": "bob"},
             {"key": "ssl", "value": "true"}, {"key": "SessionToken", "value": "***"}]
    obj = parse_json(url)
    if obj:
        check_equal(key_values(obj["properties"]), shown, "JDBC properties in order, duplicates kept, secrets masked")
        check("duplicate_property" in codes(obj, "warning"), "a duplicate property is a warning")
        check("s3cr" not in json.dumps(obj) and "ab+cd" not in json.dumps(obj), "no secret anywhere in parse --json")
    obj = parse_json(url, "--show-secrets")
    if obj:
        shown[1]["value"] = "s3cr!t"
        shown[4]["value"] = "ab+cd"
        check_equal(key_values(obj["properties"]), shown, "--show-secrets reveals decoded secret values")

    odbc = "Driver={Amazon Redshift ODBC Driver (x64)};Server=%s;Database=dev;UID=admin;PWD={a;b}}c};Pwd = second" % HOST_E1
    obj = parse_json(odbc)
    if obj:
        check_equal([p["value"] for p in obj["properties"] if p["key"].lower() == "pwd"], ["***", "***"],
                    "ODBC PWD duplicates kept and masked")
    obj = parse_json(odbc, "--show-secrets")
    if obj:
        check_equal([p["value"] for p in obj["properties"] if p["key"].lower() == "pwd"], ["a;b}c", "second"],
                    "ODBC braced PWD decoded with --show-secrets")

    libpq = "host=%s port=5439 dbname=dev user=admin password='it\\'s me' sslpassword=y" % HOST_E1
    obj = parse_json(libpq)
    if obj:
        check_equal(key_values(obj["properties"][-2:]), [{"key": "password", "value": "***"}, {"key": "sslpassword", "value": "***"}],
                    "libpq password and sslpassword masked")
    obj = parse_json(libpq, "--show-secrets")
    if obj:
        check_equal(obj["properties"][-2]["value"], "it's me", "libpq quoted password decoded with --show-secrets")

    uri = "postgresql://admin:p%%40ss@%s:5439/dev?sslmode=require" % HOST_E1
    obj = parse_json(uri)
    if obj:
        check_equal(key_values(obj["properties"]),
                    [{"key": "user", "value": "admin"}, {"key": "password", "value": "***"},
                     {"key": "sslmode", "value": "require"}], "libpq URI user info and query as properties")
    obj = parse_json(uri, "--show-secrets")
    if obj:
        check_equal(obj["properties"][1]["value"], "p@ss", "libpq URI password decoded with --show-secrets")

    # An error diagnostic is not a parse failure: exit 0, with the offset of the port.
    url = "jdbc:redshift://%s:5430/dev" % HOST_E1
    obj = parse_json(url)
    if obj:
        errors = [d for d in obj["diagnostics"] if d["code"] == "port_outside_serverless_range"]
        if check_equal(len(errors), 1, "port 5430 gives one port_outside_serverless_range"):
            check_equal(errors[0]["severity"], "error", "port_outside_serverless_range severity")
            check_equal(errors[0]["offset"], url.index(":5430") + 1, "port_outside_serverless_range offset")
            check("5430" in errors[0]["message"], "the diagnostic message names the port")
        check_equal(obj["hosts"], [{"host": HOST_E1, "port": 5430}], "port 5430 kept")
    endpoint = "%s:5430/dev" % HOST_E1
    obj = parse_json(endpoint)
    if obj:
        check_equal([(d["code"], d["offset"]) for d in obj["diagnostics"] if d["severity"] == "error"],
                    [("port_outside_serverless_range", endpoint.index(":5430") + 1)], "endpoint port 5430 offset")
    obj = parse_json("jdbc:redshift://%s:5439/dev" % HOST_VPCE)
    if obj:
        check_equal(codes(obj), ["vpc_endpoint_needs_workgroup"], "VPC endpoint without workgroup: one warning")
        check_equal(codes(obj, "error"), [], "VPC endpoint without workgroup: no error")

    # Bytes that are not UTF-8 still give valid UTF-8 JSON.
    run = rsconn("parse", "--json", b"Server=h\xff\xfe;Database=d\xc3")
    check_equal(run.code, 0, "non-UTF-8 input parses", run)
    obj = one_json_object(run, "non-UTF-8 input")
    if obj:
        check_schema(obj, "non-UTF-8 input", run)

    # '-' reads the one input from stdin (blank lines skipped, CRLF tolerated).
    text = "jdbc:redshift://%s:5439/dev?user=admin&password=pw" % HOST_E2
    direct = rsconn("parse", "--json", text)
    piped = rsconn("parse", "--json", "-", stdin="\r\n" + text + "\r\n\n")
    check_equal(piped.code, 0, "parse --json - exit code", piped)
    check_equal(piped.out, direct.out, "parse --json - reads stdin like an argument", piped)
    run = rsconn("parse", "-", stdin="a:5439/dev\nb:5439/dev\n")
    check_equal(run.code, 2, "parse - with two stdin lines is a usage error", run)
    run = rsconn("parse", "--json", "-", stdin="")
    check_equal(run.code, 2, "parse - with empty stdin is a usage error", run)
    check_equal(run.out, "", "parse - with empty stdin prints nothing on stdout", run)

    # Human output: exit 0, secrets masked unless --show-secrets.
    run = rsconn("parse", text)
    check_equal(run.code, 0, "parse (human) exit code", run)
    check(run.out != "" and "pw" not in run.out.replace("password", ""), "parse (human) masks the password", run)
    run = rsconn("parse", "--show-secrets", text)
    check("password=pw" in run.out, "parse --show-secrets (human) shows the password", run)


# --- parse failures ------------------------------------------------------------------------

FAILING = [
    # (input, code, offset or None)
    ("jdbc:redshift://h:5439", "missing_database_path", 22),
    ("jdbc:redshift://h:5439?password=hunter2", "missing_database_path", 22),
    ("jdbc:redshift://h:abc/dev?password=hunter2", "invalid_port", 18),
    ("jdbc:redshift://h:5439/dev?password=hunter2&x=%zz", "malformed_percent_escape", None),
    ("Driver={x};Server=h;PWD={hunter;2};Port=abc", "invalid_port", None),
    ("Server=h; Pwd = hunter2 ;Port=99999999999", "invalid_port", None),
    ("host=h password=hunter2 dbname='dev", "malformed_quoted_value", None),
    ("host=h password = 'hunter 2' dbname='dev", "malformed_quoted_value", None),
    ("postgresql://admin:hunter2@h/dev?sslmode=require&bogus", None, None),
    ("postgres://admin:hunter2@h:5439/dev?password=hunter3&x=%zz", "malformed_percent_escape", None),
    ("Server=h;PWD={hun}}ter;2};Port=99999999999", "invalid_port", None),
    ("Server=h;PWD={s3kr1t;Port=abc", "unclosed_brace", 13),
    ("jdbc:redshift://h:5439?SessionToken=tok%2Bhunter&ssl=true", "missing_database_path", 22),
    ("jdbc:redshift:iam://h:4294967296/dev?password=hunter2", "invalid_port", 22),
    ("", "empty_input", 0),
]
SECRETS = ["hunter", "hunter2", "hunter3", "hunter 2", "2}", "s3kr1t", "ter;2"]


def test_errors():
    for text, code, offset in FAILING:
        what = "parse --json %r (does not parse)" % text
        run = rsconn("parse", "--json", text)
        check_equal(run.code, 1, what + ": exit code", run)
        obj = one_json_object(run, what)
        if obj is None:
            continue
        if not check_equal(set(obj), {"error"}, what + ": the only key is error", run):
            continue
        error = obj["error"]
        if not check(isinstance(error, dict) and set(error) == {"code", "offset", "message"},
                     what + ": error has exactly code, offset, message", run):
            continue
        check(isinstance(error["code"], str) and error["code"], what + ": code is a string", run)
        check(is_int(error["offset"]) and 0 <= error["offset"] <= len(text.encode()), what + ": offset is an integer in the input", run)
        check(isinstance(error["message"], str) and error["message"], what + ": message is a string", run)
        if code is not None:
            check_equal(error["code"], code, what + ": code", run)
        if offset is not None:
            check_equal(error["offset"], offset, what + ": offset", run)
        check(not any(s in run.out for s in SECRETS if s in text), what + ": no secret in the JSON error", run)

        # Without --json: message, the masked input, a caret under the offset, on stderr.
        what = "parse %r (does not parse)" % text
        human = rsconn("parse", text)
        check_equal(human.code, 1, what + ": exit code", human)
        check_equal(human.out, "", what + ": nothing on stdout", human)
        lines = human.err.split("\n")
        if not check(len(lines) >= 3, what + ": message, input and caret on stderr", human):
            continue
        check(error["message"] in lines[0] and error["code"] in lines[0], what + ": first line has the message and code", human)
        check(not any(s in human.err for s in SECRETS if s in text), what + ": no password from the input on stderr", human)
        if not check(lines[1].startswith("  ") and lines[2].startswith("  "), what + ": input and caret lines are indented", human):
            continue
        shown = lines[1][2:].encode()
        check_equal(len(shown), len(text.encode()), what + ": the echo keeps the input's length", human)
        caret = lines[2][2:]
        check(caret.strip() == "^", what + ": the caret line holds one caret", human)
        column = len(shown[:error["offset"]].decode("utf-8", errors="replace"))
        check_equal(len(caret) - 1, column, what + ": the caret is under the offending byte", human)
        for a, b in zip(shown, text.encode()):
            if a != b and a != ord("*"):
                check(False, what + ": the echo differs from the input only by '*'", human)
                break

    # The caret counts characters: a multi-byte password before the error stays aligned.
    text = "Server=h;PWD=h\u00e9llo\u00e9;Port=abc"
    run = rsconn("parse", text)
    lines = run.err.split("\n")
    if check(run.code == 1 and len(lines) >= 3, "multi-byte password: failure shown", run):
        check("h\u00e9llo" not in run.err, "multi-byte password masked", run)
        at = lines[2].index("^") if "^" in lines[2] else -1
        check(0 <= at < len(lines[1]) and lines[1][at] == "a", "multi-byte password: caret under the port", run)

    # --show-secrets shows the input as given.
    run = rsconn("parse", "--show-secrets", "jdbc:redshift://h:5439?password=hunter2")
    check(run.code == 1 and "password=hunter2" in run.err, "parse --show-secrets echoes the input unmasked", run)


# --- usage errors --------------------------------------------------------------------------

def test_usage():
    usage = [
        (),
        ("frobnicate",),
        ("--bogus",),
        ("parse",),
        ("parse", "--bogus", "h:5439/dev"),
        ("parse", "a:5439/dev", "b:5439/dev"),
        ("check",),
        ("convert", "h:5439/dev"),
        ("convert", "--to", "jdbc"),
        ("convert", "--to", "nope", "h:5439/dev"),
        ("convert", "--to", "JDBC", "h:5439/dev"),
        ("build", "--workgroup", "default", "--account", "123456789012", "--to", "jdbc"),
        ("build", "--workgroup", "default", "--account", "123456789012", "--region", "us-east-1"),
        ("build", "--workgroup", "default", "--account", "123456789012", "--region", "us-east-1", "--to", "nope"),
        ("build", "--workgroup", "default", "--account", "123456789012", "--region", "us-east-1", "--port", "abc",
         "--to", "jdbc"),
        ("options", "--form", "nope"),
        ("options", "--form", "JDBC"),
        ("options", "--json", "--markdown"),
        ("options", "password", "user"),
        ("options", "--bogus"),
    ]
    for args in usage:
        run = rsconn(*args)
        check_equal(run.code, 2, "usage error %r: exit code" % (args,), run)
        check(run.err != "", "usage error %r: says why on stderr" % (args,), run)
        check_equal(run.out, "", "usage error %r: nothing on stdout" % (args,), run)
    for args in [("--help",), ("-h",), ("parse", "--help"), ("check", "--help"), ("convert", "--help"), ("build", "--help"),
                 ("options", "--help")]:
        run = rsconn(*args)
        check_equal(run.code, 0, "%r: exit code" % (args,), run)
        check(run.out != "", "%r: prints help" % (args,), run)
    run = rsconn("--help")
    check(all(word in run.out for word in ("parse", "check", "convert", "build", "options")), "--help lists the subcommands", run)
    run = rsconn("convert", "--help")
    check(all(word in run.out for word in ("--to", "--driver", "--hostaddr", "--drop-unknown", "--show-secrets")),
          "convert --help lists the documented flags", run)
    run = rsconn("build", "--help")
    check(all(word in run.out for word in ("--workgroup", "--account", "--region", "--port", "--database", "--user", "--to")),
          "build --help lists the documented flags", run)
    run = rsconn("options", "--help")
    check(all(word in run.out for word in ("--form", "--json", "--markdown", "NAME")),
          "options --help lists the documented flags", run)


# --- check ---------------------------------------------------------------------------------

def test_check():
    good = "%s:5439/dev" % HOST_E1
    bad = "jdbc:redshift://%s:5430/dev" % HOST_E1
    warning = "jdbc:redshift://%s:5439/dev" % HOST_VPCE
    broken = "jdbc:redshift://h:5439"

    run = rsconn("check", good)
    check_equal((run.code, run.out), (0, "input 1: ok\n"), "check of a clean input", run)
    # The README's example, byte for byte.
    run = rsconn("check", bad)
    check_equal(run.code, 1, "check with an error diagnostic: exit code", run)
    check_equal(run.out, "input 1: error: port 5430 is outside the Serverless ranges 5431-5455 and 8191-8215 "
                         "[port_outside_serverless_range at byte 81]\n", "check output (README example)", run)
    run = rsconn("check", warning)
    check_equal(run.code, 0, "check with only a warning: exit code", run)
    check(run.out.startswith("input 1: warning: ") and "[vpc_endpoint_needs_workgroup at byte 16]" in run.out,
          "check prints the warning with its code and offset", run)
    run = rsconn("check", broken)
    check_equal(run.code, 1, "check of an input that does not parse: exit code", run)
    check(run.out.startswith("input 1: error: ") and "[missing_database_path at byte 22]" in run.out,
          "check prints the parse failure with its code and offset", run)

    # Several inputs: every one is checked, labelled by its position, one diagnostic per line.
    two = "jdbc:redshift://%s:5430/dev?user=a&user=b" % HOST_E1
    run = rsconn("check", good, two, warning)
    check_equal(run.code, 1, "check of several inputs, one with an error: exit code", run)
    lines = run.out.splitlines()
    check_equal([line.split(":")[0] for line in lines], ["input 1", "input 2", "input 2", "input 3"],
                "check labels each line with its input", run)
    check(any("port_outside_serverless_range" in l for l in lines if l.startswith("input 2:"))
          and any("duplicate_property" in l for l in lines if l.startswith("input 2:")),
          "check prints each diagnostic of an input on its own line", run)
    run = rsconn("check", good, warning)
    check_equal(run.code, 0, "check of several inputs without errors: exit code", run)

    # '-': one input per line from stdin; blank lines skipped, CRLF tolerated.
    stdin = good + "\r\n\n\r\n" + broken + "\n" + warning + "\r\n"
    run = rsconn("check", "-", stdin=stdin)
    check_equal(run.code, 1, "check - with a broken line: exit code", run)
    lines = run.out.splitlines()
    check_equal([line.split(": ")[0] for line in lines], ["stdin:1", "stdin:4", "stdin:5"],
                "check - labels lines by their stdin line number, skipping blank lines", run)
    check(lines[0] == "stdin:1: ok" if lines else False, "check - reads a CRLF line", run)
    check("\r" not in run.out, "check - drops the CR", run)
    run = rsconn("check", "-", stdin=good + "\r\n" + warning + "\n")
    check_equal(run.code, 0, "check - without errors: exit code", run)
    run = rsconn("check", "-", good, stdin=bad + "\n")
    check_equal(run.code, 1, "check - plus an argument: exit code", run)
    check_equal([line.split(": ")[0] for line in run.out.splitlines()], ["stdin:1", "input 2"],
                "check - plus an argument: labels", run)

    # No secret in check's output.
    run = rsconn("check", "jdbc:redshift://%s:5439/dev?password=hunter1&password=hunter2" % HOST_E1,
                 "jdbc:redshift://h:5439?password=hunter3")
    check(run.code == 1 and "hunter" not in run.out + run.err, "check never prints a password", run)


# --- convert -------------------------------------------------------------------------------

PASSWORD = "p@ss w0rd;}'x\"\\{=+%"
PASSWORD_JDBC = "p%40ss%20w0rd%3B%7D%27x%22%5C%7B%3D%2B%25"
SOURCE = "jdbc:redshift://%s:5439/dev?user=admin&password=%s" % (HOST_E1, PASSWORD_JDBC)


def password_of(obj):
    values = [p["value"] for p in obj["properties"] if p["key"].lower() in ("password", "pwd")]
    return values[-1] if values else None


def user_of(obj):
    values = [p["value"] for p in obj["properties"] if p["key"].lower() in ("user", "uid")]
    return values[-1] if values else None


def split_command(line):
    """An argv form: (environment assignments, argv)."""
    words = shlex.split(line)
    environment = {}
    while words and "=" in words[0] and words[0].split("=", 1)[0].isidentifier():
        name, value = words.pop(0).split("=", 1)
        environment[name] = value
    return environment, words


def test_convert():
    source = parse_json(SOURCE, "--show-secrets")
    if not check(source is not None and password_of(source) == PASSWORD, "the source URL decodes the password"):
        return
    for form in CONVERT_FORMS:
        for reveal in (False, True):
            flags = ["--show-secrets"] if reveal else []
            what = "convert --to %s%s" % (form, " --show-secrets" if reveal else "")
            run = rsconn("convert", "--to", form, *flags, SOURCE)
            check_equal(run.code, 0, what + ": exit code", run)
            if form in ("libpq", "libpq-uri"):
                # The JDBC driver checks the certificate by default (verify-ca); rsconn's libpq
                # string says require, and says so: one warning line on stderr.
                check(run.err.startswith("input 1: warning: ") and run.err.endswith("[tls_weakened at byte 0]\n")
                      and run.err.count("\n") == 1, what + ": the TLS warning on stderr", run)
            else:
                check_equal(run.err, "", what + ": nothing on stderr", run)
            lines = run.out.split("\n")
            if not check(len(lines) == 2 and lines[1] == "" and lines[0], what + ": one line", run):
                continue
            line = lines[0]
            if not reveal:
                check(PASSWORD not in line and "p@ss" not in line and "p%40ss" not in line and "w0rd" not in line,
                      what + ": no password", run)
                if form not in ("endpoint", "data-api"):
                    check("***" in line, what + ": the password as ***", run)
            if form in PARSEABLE_FORMS or form in UNDETECTED_FORMS:
                from_flags = ["--from", form] if form in UNDETECTED_FORMS else []
                again = parse_json(line, "--show-secrets", *from_flags, what=what + " re-parsed")
                if again is None:
                    continue
                legacy = form == "jdbc-iam-legacy"
                check_equal(again["hosts"], [] if legacy else source["hosts"], what + ": same hosts")
                for key in ("database", "workgroup", "region", "partition", "target"):
                    check_equal(again[key], source[key], "%s: same %s" % (what, key))
                if not legacy:
                    check_equal(again["account_id"], source["account_id"], what + ": same account")
                check_equal(again["iam"], form.startswith("jdbc-iam"), what + ": iam")
                check_equal(again["legacy_iam"], legacy, what + ": legacy_iam")
                check_equal(codes(again, "error"), [], what + ": no error diagnostic")
                if form != "endpoint":
                    check_equal(user_of(again), "admin", what + ": same user")
                    check_equal(password_of(again), PASSWORD if reveal else "***", what + ": password")
            elif form == "rsql":
                try:
                    environment, argv = split_command(line)
                except ValueError as e:
                    check(False, "%s: shell-quoted (%s)" % (what, e), run)
                    continue
                check_equal(environment, {"RSPASSWORD": PASSWORD if reveal else "***"},
                            what + ": the password only as RSPASSWORD=", run)
                check(argv[:1] == ["rsql"], what + ": runs rsql", run)
                check(not any(PASSWORD in w or "***" in w or "p@ss" in w for w in argv), what + ": no password in argv", run)
                for flag, value in (("-h", HOST_E1), ("-p", "5439"), ("-U", "admin"), ("-d", "dev")):
                    check(flag in argv and argv.index(flag) + 1 < len(argv) and argv[argv.index(flag) + 1] == value,
                          "%s: %s %s" % (what, flag, value), run)
            elif form == "data-api":
                try:
                    environment, argv = split_command(line)
                except ValueError as e:
                    check(False, "%s: shell-quoted (%s)" % (what, e), run)
                    continue
                check_equal(argv[:3], ["aws", "redshift-data", "execute-statement"], what + ": the aws call", run)
                for flag, value in (("--workgroup-name", "default"), ("--database", "dev"), ("--region", "us-east-1")):
                    check(flag in argv and argv.index(flag) + 1 < len(argv) and argv[argv.index(flag) + 1] == value,
                          "%s: %s %s" % (what, flag, value), run)
                check(PASSWORD not in line and "***" not in line, what + ": no password", run)

    # Every parseable form converts back to every other form and keeps the connection.
    endpoint = "%s:5439/dev" % HOST_E1
    for form in PARSEABLE_FORMS:
        line = rsconn("convert", "--to", form, endpoint).out.strip()
        if form == "jdbc-iam-legacy":
            continue
        back = rsconn("convert", "--to", "endpoint", line)
        check_equal((back.code, back.out), (0, endpoint + "\n"), "convert --to %s then back to endpoint" % form, back)
    for form in UNDETECTED_FORMS:
        line = rsconn("convert", "--to", form, endpoint).out.strip()
        back = rsconn("convert", "--from", form, "--to", "endpoint", line)
        check_equal((back.code, back.out), (0, endpoint + "\n"), "convert --to %s then --from %s to endpoint" % (form, form),
                    back)

    # The README's examples, byte for byte.
    run = rsconn("convert", "--to", "odbc", "jdbc:redshift://%s:5439/dev?user=admin" % HOST_E1)
    check_equal(run.out, "Driver={Amazon Redshift ODBC Driver (x64)};Server=%s;Port=5439;Database=dev;UID=admin\n" % HOST_E1,
                "convert --to odbc (README example)", run)
    run = rsconn("convert", "--to", "jdbc-iam-legacy", endpoint)
    check_equal(run.out, "jdbc:redshift:iam://redshift-serverless-default:us-east-1/dev\n",
                "convert --to jdbc-iam-legacy (README example)", run)

    # --driver, --hostaddr, --drop-unknown.
    for driver in ("My Driver", "Foo;Bar", "Amazon Redshift (x64)"):
        run = rsconn("convert", "--to", "odbc", "--driver", driver, SOURCE)
        check_equal(run.code, 0, "convert --to odbc --driver %r: exit code" % driver, run)
        again = parse_json(run.out.strip(), what="convert --driver %r re-parsed" % driver)
        if again:
            check_equal([p["value"] for p in again["properties"] if p["key"].lower() == "driver"], [driver],
                        "convert --to odbc --driver %r: Driver=" % driver)
    for form in ("libpq", "libpq-uri"):
        run = rsconn("convert", "--to", form, "--hostaddr", "10.0.0.1", SOURCE)
        check_equal(run.code, 0, "convert --to %s --hostaddr: exit code" % form, run)
        check("10.0.0.1" in run.out, "convert --to %s --hostaddr: the address is written" % form, run)
        again = parse_json(run.out.strip(), what="convert --to %s --hostaddr re-parsed" % form)
        if again:
            check_equal([p["value"] for p in again["properties"] if p["key"] == "hostaddr"], ["10.0.0.1"],
                        "convert --to %s --hostaddr: hostaddr=" % form)
            check_equal(again["hosts"], source["hosts"], "convert --to %s --hostaddr: host name kept" % form)
    run = rsconn("convert", "--to", "libpq", "--drop-unknown", SOURCE + "&ApplicationName=app")
    check_equal(run.code, 0, "convert --to libpq --drop-unknown: exit code", run)

    # Into another driver's form: names, values and plugins translated; what the target cannot
    # carry refused (exit 1) unless --drop-unknown (left out, a warning each) or --keep-unknown
    # (written through); both together are a usage error.
    okta = ("jdbc:redshift:iam://examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com:5439/dev?"
            "plugin_name=com.amazon.redshift.plugin.OktaCredentialsProvider&tcpKeepAlive=yes&loginTimeout=30")
    run = rsconn("convert", "--to", "odbc", "--driver", "", okta)
    check_equal(run.code, 0, "convert --to odbc of an Okta URL: exit code", run)
    check("plugin_name=Okta;" in run.out and "KeepAlive=0" in run.out and "LoginTimeout=30" in run.out,
          "convert --to odbc: plugin short name, keepalive by the JDBC driver's reading, timeout", run)
    unknown = SOURCE + "&socketTimeout=5&tcpKeepAlivex=1"
    run = rsconn("convert", "--to", "odbc", unknown)
    check_equal((run.code, run.out), (1, ""), "convert --to odbc of unknown keys: refused", run)
    check("socketTimeout (option socket_timeout): " in run.err and "(unrepresentable_value at byte " in run.err
          and "--drop-unknown" in run.err, "convert --to odbc of unknown keys: the key, reason and remedy on stderr", run)
    # An unknown key right after a password may be the rest of it (an unencoded '&'): never quoted.
    run = rsconn("convert", "--to", "odbc", "--drop-unknown", SOURCE + "&tcpKeepAlivex=1")
    check(run.code == 0 and "tcpKeepAlivex" not in run.err and "follows a secret" in run.err,
          "convert --drop-unknown: an unknown key after a secret is not quoted", run)
    run = rsconn("convert", "--to", "odbc", SOURCE + "&tcpKeepAlivex=1")
    check(run.code == 1 and "tcpKeepAlivex" not in run.err and "follows a secret" in run.err,
          "convert: a refused unknown key after a secret is not quoted", run)
    run = rsconn("convert", "--to", "odbc", "--drop-unknown", unknown)
    check_equal(run.code, 0, "convert --to odbc --drop-unknown: exit code", run)
    check("tcpKeepAlivex" not in run.out and "socketTimeout" not in run.out, "--drop-unknown leaves both out", run)
    check(run.err.count("[option_dropped at byte") == 2 and "tcpKeepAlivex" in run.err and "socketTimeout" in run.err,
          "--drop-unknown lists each left-out key on stderr", run)
    run = rsconn("convert", "--to", "odbc", "--keep-unknown", unknown)
    check_equal(run.code, 0, "convert --to odbc --keep-unknown: exit code", run)
    check("tcpKeepAlivex=1" in run.out and "socketTimeout=5" in run.out, "--keep-unknown writes them through", run)
    run = rsconn("convert", "--to", "odbc", "--keep-unknown", "--drop-unknown", unknown)
    check_equal((run.code, run.out), (2, ""), "--keep-unknown with --drop-unknown: usage error", run)
    run = rsconn("convert", "--to", "jdbc", SOURCE + "&custom=1")
    check_equal(run.code, 0, "convert JDBC to JDBC keeps unknown keys: exit code", run)
    check("custom=1" in run.out, "convert JDBC to JDBC keeps unknown keys as written", run)
    run = rsconn("convert", "--to", "jdbc", "Driver={x};Server=h;Database=dev;SSLMode=prefer")
    check_equal(run.code, 0, "convert ODBC SSLMode=prefer to JDBC: exit code", run)
    check("sslfactory=com.amazon.redshift.ssl.NonValidatingFactory" in run.out.lower() or
          "SSLFactory=com.amazon.redshift.ssl.NonValidatingFactory" in run.out,
          "ODBC prefer becomes the JDBC driver's no-verification factory", run)
    check("[tls_changed at byte" in run.err, "ODBC prefer to JDBC: the TLS change on stderr", run)

    # Conversions that cannot be written: exit 1, the reason on stderr, nothing on stdout.
    legacy = "jdbc:redshift:iam://redshift-serverless-default:us-east-1/dev?password=hunter2"
    run = rsconn("convert", "--to", "endpoint", legacy)
    check_equal(run.code, 1, "jdbc-iam-legacy to endpoint: exit code", run)
    check_equal(run.out, "", "jdbc-iam-legacy to endpoint: nothing on stdout", run)
    check("endpoint" in run.err and "host" in run.err and "hunter2" not in run.err,
          "jdbc-iam-legacy to endpoint: the reason on stderr", run)
    vpce = "jdbc:redshift://%s:5439/dev" % HOST_VPCE
    run = rsconn("convert", "--to", "data-api", vpce)
    check_equal(run.code, 1, "VPC endpoint without workgroup to data-api: exit code", run)
    check_equal(run.out, "", "VPC endpoint without workgroup to data-api: nothing on stdout", run)
    check("data-api" in run.err and "workgroup" in run.err, "VPC endpoint to data-api: the reason on stderr", run)
    run = rsconn("convert", "--to", "data-api", vpce + "?serverlessWorkGroup=wg1")
    check(run.code == 0 and "--workgroup-name wg1" in run.out, "VPC endpoint with serverlessWorkGroup to data-api", run)
    run = rsconn("convert", "--to", "jdbc", "jdbc:redshift://h:5439?password=hunter2")
    check_equal(run.code, 1, "convert of an input that does not parse: exit code", run)
    check("missing_database_path" in run.err and "hunter2" not in run.err, "convert: the parse failure on stderr", run)

    # '-' reads stdin line by line; failures do not stop the others.
    stdin = endpoint + "\r\n\n" + "jdbc:redshift://h:5439\n" + "h2:5440/db\r\n"
    run = rsconn("convert", "--to", "libpq", "-", stdin=stdin)
    check_equal(run.code, 1, "convert - with a broken line: exit code", run)
    check_equal(run.out, "host=%s port=5439 dbname=dev sslmode=require\nhost=h2 port=5440 dbname=db sslmode=require\n"
                % HOST_E1, "convert - converts every good line", run)
    check("stdin:3" in run.err, "convert - names the broken stdin line", run)
    run = rsconn("convert", "--to", "endpoint", "-", stdin="\n".join(rsconn("convert", "--to", f, endpoint).out.strip()
                                                                   for f in PARSEABLE_FORMS if f != "jdbc-iam-legacy") + "\n")
    check_equal((run.code, run.out), (0, (endpoint + "\n") * (len(PARSEABLE_FORMS) - 1)),
                "convert - reads every form from stdin", run)


# --- build ---------------------------------------------------------------------------------

def build(*args):
    return rsconn("build", "--workgroup", "default", "--account", "123456789012", *args)


def test_build():
    run = build("--region", "us-east-1", "--to", "jdbc")
    check_equal(run.code, 0, "build --to jdbc: exit code", run)
    check(run.out.startswith("jdbc:redshift://%s:5439/" % HOST_E1), "build --to jdbc: the Serverless URL", run)
    again = parse_json(run.out.strip(), what="build --to jdbc re-parsed")
    check_fields(again, serverless(HOST_E1, "us-east-1", form="jdbc", iam=False, properties=[]), "build --to jdbc re-parsed")

    run = build("--region", "us-east-1", "--database", "dev", "--user", "admin", "--to", "jdbc")
    check_equal(run.out, "jdbc:redshift://%s:5439/dev?user=admin\n" % HOST_E1, "build --database --user --to jdbc", run)

    # The README's example, byte for byte; China regions are under .amazonaws.com.cn.
    run = build("--region", "cn-north-1", "--database", "dev", "--to", "libpq")
    check_equal(run.out, "host=%s port=5439 dbname=dev sslmode=require\n" % HOST_CN, "build cn-north-1 (README example)", run)
    run = build("--region", "cn-northwest-1", "--database", "dev", "--to", "jdbc")
    check(run.code == 0 and ".redshift-serverless.amazonaws.com.cn:5439/dev" in run.out, "build cn-northwest-1 --to jdbc", run)
    again = parse_json(run.out.strip(), what="build cn-northwest-1 re-parsed")
    check_fields(again, {"partition": "aws-cn", "region": "cn-northwest-1", "workgroup": "default"}, "build cn-northwest-1 re-parsed")
    run = build("--region", "us-gov-west-1", "--database", "dev", "--to", "endpoint")
    check_equal(run.out, "%s:5439/dev\n" % HOST_GOV, "build us-gov-west-1 --to endpoint", run)

    # Every form.
    for form in CONVERT_FORMS:
        run = build("--region", "us-east-1", "--database", "dev", "--user", "admin", "--to", form)
        check_equal(run.code, 0, "build --to %s: exit code" % form, run)
        if form in PARSEABLE_FORMS or form in UNDETECTED_FORMS:
            from_flags = ["--from", form] if form in UNDETECTED_FORMS else []
            again = parse_json(run.out.strip(), *from_flags, what="build --to %s re-parsed" % form)
            check_fields(again, {"database": "dev", "workgroup": "default", "region": "us-east-1", "target": "serverless"},
                         "build --to %s re-parsed" % form)

    # Ports: only the Serverless ranges.
    for port, code in (("5439", 0), ("5431", 0), ("5455", 0), ("8191", 0), ("8215", 0),
                       ("5430", 1), ("5456", 1), ("8190", 1), ("8216", 1), ("99999", 1), ("0", 1)):
        run = build("--region", "us-east-1", "--port", port, "--database", "dev", "--to", "endpoint")
        check_equal(run.code, code, "build --port %s: exit code" % port, run)
        if code == 0:
            check_equal(run.out, "%s:%s/dev\n" % (HOST_E1, port), "build --port %s: output" % port, run)
        else:
            check(run.out == "" and "--port" in run.err, "build --port %s: refused naming --port" % port, run)

    # Invalid parts: exit 1 and a message naming the flag.
    for flag, value in (("--workgroup", "my_wg"), ("--workgroup", "ab"), ("--workgroup", "Default"),
                        ("--account", "12345678901"), ("--account", "12345678901a"),
                        ("--region", "nowhere"), ("--database", "a\tb"), ("--database", "x" * 200)):
        parts = {"--workgroup": "default", "--account": "123456789012", "--region": "us-east-1"}
        parts[flag] = value
        args = [a for item in parts.items() for a in item]
        run = rsconn("build", *args, "--to", "jdbc")
        what = "build %s %r" % (flag, value)
        check_equal(run.code, 1, what + ": exit code", run)
        check_equal(run.out, "", what + ": nothing on stdout", run)
        check(flag in run.err, what + ": the message names the flag", run)
    run = build("--region", "us-east-1", "--to", "data-api")
    check(run.code == 0 and "--database dev" in run.out, "build defaults the database to dev", run)
    run = build("--region", "us-east-1", "--database", "", "--to", "data-api")
    check(run.code == 1 and "data-api" in run.err, "build --to data-api with no database fails", run)

# --- options -------------------------------------------------------------------------------

DRIVERS = ["jdbc", "odbc", "python", "libpq"]
OPTION_KEYS = {"id", "group", "type", "unit", "secret", "names", "precedence", "values", "defaults"}
OPTION_TYPES = {"bool", "int", "enum", "string", "secret", "list", "plugin"}
OPTION_GROUPS = {"address", "auth", "iam", "idp", "tls", "timeouts", "keepalive", "session", "logging",
                 "performance", "other"}


def is_strings(value):
    return isinstance(value, list) and all(isinstance(s, str) and s for s in value)


def per_driver(value):
    return isinstance(value, dict) and set(value) == set(DRIVERS)


def check_option_schema(option, what, run):
    if not check(isinstance(option, dict), what + ": an object", run):
        return False
    if not check_equal(set(option), OPTION_KEYS, what + ": keys", run):
        return False
    ok = check(isinstance(option["id"], str) and option["id"], what + ": id is a string", run)
    ok &= check(option["group"] in OPTION_GROUPS, what + ": group is documented", run)
    ok &= check(option["type"] in OPTION_TYPES, what + ": type is documented", run)
    ok &= check(is_text_or_null(option["unit"]) and option["unit"] != "", what + ": unit is a string or null", run)
    ok &= check(isinstance(option["secret"], bool), what + ": secret is a bool", run)
    ok &= check_equal(option["secret"], option["type"] == "secret", what + ": secret exactly for type secret", run)
    for key in ("names", "precedence", "values", "defaults"):
        ok &= check(per_driver(option[key]), "%s: %s is keyed by %s" % (what, key, ", ".join(DRIVERS)), run)
    if not ok:
        return False
    check(any(option["names"][d] for d in DRIVERS), what + ": some driver has it", run)
    for d in DRIVERS:
        names, has = option["names"][d], bool(option["names"][d])
        check(is_strings(names), "%s: names.%s is an array of strings" % (what, d), run)
        check(is_strings(option["precedence"][d]) and sorted(option["precedence"][d]) == sorted(names),
              "%s: precedence.%s holds the same names" % (what, d), run)
        values = option["values"][d]
        check(is_strings(values) if has else values is None,
              "%s: values.%s is an array of strings, or null where the driver lacks it" % (what, d), run)
        if has and option["type"] != "enum":
            check_equal(values, [], "%s: values.%s is [] for a type other than enum" % (what, d), run)
        default = option["defaults"][d]
        check((isinstance(default, str) and default) or default is None,
              "%s: defaults.%s is a non-empty string or null" % (what, d), run)
        if not has:
            check(default is None, "%s: defaults.%s is null where the driver lacks it" % (what, d), run)
    return True


def json_value(run, what):
    lines = run.out.split("\n")
    if not check(len(lines) == 2 and lines[1] == "", what + ": stdout is one line", run):
        return None
    try:
        return json.loads(run.out_bytes.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as e:
        check(False, "%s: stdout is JSON (%s)" % (what, e), run)
        return None


def options_json(*args):
    """`rsconn options --json [args]`: the array, each element's schema checked."""
    what = "options --json %s" % " ".join(args)
    run = rsconn("options", "--json", *args)
    check_equal(run.code, 0, what + ": exit code", run)
    check_equal(run.err, "", what + ": nothing on stderr", run)
    value = json_value(run, what)
    if not check(isinstance(value, list), what + ": a JSON array", run):
        return None
    for option in value:
        check_option_schema(option, "%s: %s" % (what, option.get("id") if isinstance(option, dict) else option), run)
    return value


def test_options():
    # The list: every option once, ids unique, in the same order as the text and Markdown lists.
    everything = options_json()
    if not everything:
        check(False, "options --json lists options")
        return
    ids = [o["id"] for o in everything]
    check_equal(len(ids), len(set(ids)), "options --json: ids are unique")
    by_id = {o["id"]: o for o in everything}
    for known in ("host", "port", "database", "user", "password", "ssl_mode", "cluster_id", "db_user", "tcp_keepalive"):
        check(known in by_id, "options --json lists %s" % known)

    text = rsconn("options")
    check_equal(text.code, 0, "options: exit code", text)
    lines = text.out.splitlines()
    check_equal([line.split()[0] for line in lines], ids, "options: one line per option, id first, same order")
    check(all(len(line.split()) >= 4 for line in lines), "options: id, group, type and names on each line", text)
    if "host" in by_id:
        host_line = next((line for line in lines if line.split()[0] == "host"), "")
        check(host_line.split()[1:3] == ["address", "string"] and "odbc=Server" in host_line,
              "options: the host line has group, type and the drivers' names", text)

    # One option, by its id or any driver's name, case ignored: the same object.
    password = by_id.get("password")
    if password:
        check_equal(password["names"], {"jdbc": ["password", "PWD"], "odbc": ["PWD", "Password"],
                                        "python": ["password"], "libpq": ["password"]}, "password: names")
        check_equal(password["secret"], True, "password: a secret")
        check_equal(password["type"], "secret", "password: type")
        check_equal(password["unit"], None, "password: no unit")
        for name in ("password", "PWD", "pwd", "Password", "PASSWORD"):
            check_equal(options_json(name), [password], "options --json %s: the password option alone" % name)
    host = by_id.get("host")
    if host:
        check_equal(host["names"]["odbc"][0], "Server", "host: ODBC's written name first")
        check_equal(host["precedence"]["odbc"], ["Servername", "Server", "HostName", "Host"],
                    "host: ODBC's precedence order")
        check_equal(options_json("Servername"), [host], "options --json Servername: host")
    db_user = options_json("db_user")
    if db_user and check_equal(len(db_user), 1, "options --json db_user: an array of one"):
        option = db_user[0]
        check_equal(option["id"], "db_user", "db_user: id")
        check_equal(option["names"], {"jdbc": ["DbUser"], "odbc": ["DbUser"], "python": ["db_user"], "libpq": []},
                    "db_user: names, [] for libpq")
        check_equal((option["values"]["libpq"], option["defaults"]["libpq"]), (None, None),
                    "db_user: values and default null where libpq lacks it")
        check_equal(option["secret"], False, "db_user: not a secret")
        check_equal(options_json("DbUser"), db_user, "options --json DbUser: the same option")
    ssl_mode = options_json("sslmode")
    if ssl_mode:
        option = ssl_mode[0]
        check_equal(option["id"], "ssl_mode", "sslmode: id")
        check_equal(option["type"], "enum", "ssl_mode: type")
        check("verify-full" in option["values"]["libpq"] and option["defaults"]["libpq"] == "prefer",
              "ssl_mode: libpq's values and default", option)
    timeout = options_json("login_timeout")
    if timeout:
        check_equal(timeout[0]["unit"], "seconds", "login_timeout: unit")

    # The explanation names every driver, the case rules, ODBC's precedence and the secret.
    run = rsconn("options", "PWD")
    check_equal(run.code, 0, "options PWD: exit code", run)
    check_equal(run.err, "", "options PWD: nothing on stderr", run)
    check(run.out.startswith("password\n"), "options PWD: the option's id first", run)
    check(all(d in run.out for d in DRIVERS) and "Password" in run.out and "PWD" in run.out,
          "options PWD: names in every driver", run)
    check("case ignored" in run.out and "case-sensitive" in run.out, "options PWD: the case rules", run)
    check("precedence" in run.out and "PWD > Password" in run.out, "options PWD: ODBC's precedence", run)
    check("secret" in run.out and "yes" in run.out, "options PWD: a secret", run)
    run = rsconn("options", "db_user")
    check(run.code == 0 and "libpq: no such option" in run.out and "DbUser" in run.out,
          "options db_user: libpq has none, JDBC and ODBC say DbUser", run)

    # --form keeps only that driver's options.
    python = options_json("--form", "python")
    if python:
        python_ids = [o["id"] for o in python]
        check(all(o["names"]["python"] for o in python), "options --form python: only python's options")
        check_equal(python_ids, [i for i in ids if by_id[i]["names"]["python"]],
                    "options --form python: every python option, in order")
        check("cluster_id" in python_ids and by_id["cluster_id"]["names"]["python"] == ["cluster_identifier"],
              "options --form python: cluster_id as cluster_identifier")
        names = {n for o in python for n in o["names"]["python"]}
        check("ClusterID" not in names and "cluster_identifier" in names,
              "options --form python: no ClusterID, but cluster_identifier")
    run = rsconn("options", "--form", "python")
    check(run.code == 0 and all(line.split()[0] in by_id and by_id[line.split()[0]]["names"]["python"]
                                for line in run.out.splitlines()), "options --form python (text): python's options", run)
    run = rsconn("options", "--form", "python", "--json", "ClusterID")
    value = json_value(run, "options --form python --json ClusterID")
    check(run.code == 0 and isinstance(value, list) and [o.get("id") for o in value] == ["cluster_id"],
          "options --form python ClusterID: explains cluster_id (python's cluster_identifier)", run)
    for form in DRIVERS:
        listed = options_json("--form", form)
        if listed is not None:
            check_equal([o["id"] for o in listed], [i for i in ids if by_id[i]["names"][form]],
                        "options --form %s: exactly that driver's options" % form)

    # --markdown: a header row, a separator, one row per option.
    run = rsconn("options", "--markdown")
    check_equal(run.code, 0, "options --markdown: exit code", run)
    rows = run.out.splitlines()
    if check(len(rows) == len(ids) + 2, "options --markdown: header, separator and one row per option", run):
        header = [c.strip() for c in rows[0].strip("|").split("|")]
        check_equal(header, ["Option", "Group", "Type", "JDBC", "ODBC", "Python (redshift_connector)", "libpq"],
                    "options --markdown: header row", run)
        check(set(rows[1]) <= set("|-: ") and rows[1].count("|") == 8, "options --markdown: separator row", run)
        check_equal([row.split("|")[1].strip().strip("`") for row in rows[2:]], ids,
                    "options --markdown: one row per option, in order", run)
        check(all(row.startswith("| ") and row.endswith(" |") and row.count("|") == 8 for row in rows[2:]),
              "options --markdown: seven cells per row", run)
        row = next((r for r in rows if r.startswith("| `password` ")), "")
        check("secret" in row and "`PWD`" in row, "options --markdown: password's row marks the secret", run)
        row = next((r for r in rows if r.startswith("| `db_user` ")), "")
        check(row.endswith("| — |"), "options --markdown: — where a driver has no such option", run)
    run = rsconn("options", "--markdown", "--form", "libpq")
    libpq_count = sum(1 for i in ids if by_id[i]["names"]["libpq"])
    check(run.code == 0 and len(run.out.splitlines()) == libpq_count + 2, "options --markdown --form libpq", run)
    run = rsconn("options", "--markdown", "password")
    check(run.code == 0 and len(run.out.splitlines()) == 3, "options --markdown password: one row", run)

    # Unknown NAME: exit 1 (as an input that does not parse), the nearest name on stderr.
    for name, nearest in (("passwrd", "password"), ("sslmod", "sslmode"), ("PWDD", "PWD"), ("xyzzy-nothing", None)):
        run = rsconn("options", name)
        what = "options %s (unknown)" % name
        check_equal(run.code, 1, what + ": exit code", run)
        check_equal(run.out, "", what + ": nothing on stdout", run)
        check(name in run.err, what + ": names the input on stderr", run)
        if nearest:
            check('did you mean "%s"' % nearest in run.err, what + ": did you mean " + nearest, run)
        else:
            check("did you mean" not in run.err, what + ": no suggestion when nothing is near", run)
        run = rsconn("options", "--json", name)
        value = json_value(run, what + " --json")
        check_equal(run.code, 1, what + " --json: exit code", run)
        if check(isinstance(value, dict) and set(value) == {"error"} and isinstance(value["error"], dict)
                 and set(value["error"]) == {"code", "message", "did_you_mean"}, what + " --json: the error object", run):
            check_equal(value["error"]["code"], "unknown_option", what + " --json: code", run)
            check_equal(value["error"]["did_you_mean"], nearest, what + " --json: did_you_mean", run)
    run = rsconn("options", "--form", "libpq", "ClusterID")
    check(run.code == 1 and run.out == "" and "libpq" in run.err and "cluster_id" in run.err,
          "options --form libpq ClusterID: libpq has no such option, exit 1", run)

    # parse --json: each property's setting is the option its key names in the form's driver.
    for text, settings in (
            ("jdbc:redshift://h:5439/dev?user=u&tcpKeepAlive=true&bogus=1", ["user", "tcp_keepalive", None]),
            ("jdbc:redshift://h:5439/dev?UID=u&PWD=p&TCPKEEPALIVE=true&cluster_identifier=c",
             ["user", "password", "tcp_keepalive", None]),
            ("Driver={x};Servername=h;UID=u;pwd=p;KeepAlive=1;tcpKeepAlive=1", ["driver", "host", "user", "password",
                                                                                  "tcp_keepalive", None]),
            ("host=h port=5439 dbname=dev keepalives=1 sslmode=require", ["host", "port", "database", "tcp_keepalive",
                                                                           "ssl_mode"]),
            ("postgresql://admin:pw@h:5439/dev?sslmode=require", ["user", "password", "ssl_mode"])):
        obj = parse_json(text)
        if obj:
            check_equal([p["setting"] for p in obj["properties"]], settings, "parse --json %r: settings" % text)


def test_from():
    """--from FORM on parse, check and convert reads every input as that form."""
    ambiguous = "host=h;port=5439"  # ODBC by detection; one libpq host value "h;port=5439"
    obj = parse_json(ambiguous)
    if obj:
        check_equal(obj["form"], "odbc", "parse --json %r: detected form" % ambiguous)
    for name in ("libpq", "libpq-keywords"):
        obj = parse_json(ambiguous, "--from", name)
        if obj:
            check_equal(obj["form"], "libpq-keywords", "parse --from %s: form" % name)
            check_equal([h["host"] for h in obj["hosts"]], ["h;port=5439"], "parse --from %s: libpq's host" % name)
    obj = parse_json("postgresql://u@h:5439/dev", "--from", "libpq")
    if obj:
        check_equal(obj["form"], "libpq-uri", "parse --from libpq of a URI: libpq reads it as a URI")
    obj = parse_json(ambiguous, "--from", "odbc")
    if obj:
        check_equal(obj["form"], "odbc", "parse --from odbc: form")
    obj = parse_json("h.example.com", "--from", "host")
    if obj:
        check_equal(obj["form"], "host", "parse --from host: form")
    obj = parse_json("h.example.com:5439/dev", "--from", "endpoint")
    if obj:
        check_equal(obj["form"], "endpoint", "parse --from endpoint: form")
    # A string that is not of the form asked for: a parse failure (exit 1), with the reason.
    obj = parse_json("host=h", "--from", "libpq-uri", expect_exit=1)
    if obj:
        check_equal(obj.get("error", {}).get("code"), "invalid_uri", "parse --from libpq-uri of keywords: code")
    run = rsconn("parse", "--json", "--from", "jdbc", "host=h port=5439")
    check_equal(run.code, 1, "parse --from jdbc of a libpq string: exit code", run)
    # check and convert take it too; stdin lines are read as that form.
    run = rsconn("check", "--from", "libpq", "-", stdin="host=h;port=5439 dbname=dev sslmode=verify-full\n")
    check_equal(run.code, 0, "check --from libpq -: exit code", run)
    check("missing_port" in run.out, "check --from libpq: libpq's reading (no port given)", run)
    run = rsconn("convert", "--from", "libpq-keywords", "--to", "jdbc", "password=a;b host=h port=5439 dbname=dev")
    check_equal(run.code, 0, "convert --from libpq-keywords: exit code", run)
    check_equal(run.out, "jdbc:redshift://h:5439/dev?password=***\n", "convert --from libpq-keywords: output", run)
    # SQLAlchemy URLs: the scheme names the dialect; parse reports what the dialect adds.
    for url, form in (("redshift+redshift_connector://u@h.example.com:5439/dev", "sqlalchemy-redshift-connector"),
                      ("redshift+psycopg2://u@h.example.com:5439/dev", "sqlalchemy-psycopg2"),
                      ("redshift://u@h.example.com:5439/dev", "sqlalchemy-psycopg2")):
        detected = parse_json(url)
        if detected:
            check_equal(detected["form"], form, "parse %s: detected by its scheme" % url)
        obj = parse_json(url, "--from", "sqlalchemy")
        if obj:
            check_equal(obj, detected, "parse --from sqlalchemy %s: the same as detected" % url)
            check_equal(obj["form"], form, "parse --from sqlalchemy %s: form" % url)
            check("form_default" in codes(obj, "warning"), "parse --from sqlalchemy %s: the dialect's defaults" % url)
            check_equal("ambiguous_form" in codes(obj), url.startswith("redshift://"),
                        "parse --from sqlalchemy %s: the Airflow reading named for redshift:// only" % url)
    obj = parse_json("redshift+redshift_connector://h/dev?iam=True", "--from", "sqlalchemy", expect_exit=1)
    if obj:
        check_equal(obj.get("error", {}).get("code"), "invalid_option_value",
                    "parse --from sqlalchemy of ?iam=True (a str to redshift_connector): refused")
    run = rsconn("convert", "--from", "sqlalchemy", "--to", "libpq", "--show-secrets", "redshift+psycopg2://u:p%40s@h:5439/dev")
    check_equal(run.out, "host=h port=5439 dbname=dev user=u password=p@s sslmode=require\n",
                "convert --from sqlalchemy --to libpq: libpq's string", run)
    check("[tls_weakened at byte 0]" in run.err and "verify-full" in run.err,
          "convert --from sqlalchemy --to libpq: the dialect's verify-full is not kept, and that is said", run)
    # An unknown form name is a usage error.
    for sub in (("parse",), ("check",), ("convert", "--to", "jdbc")):
        run = rsconn(*sub, "--from", "python", "x")
        check_equal(run.code, 2, "%s --from python: usage error" % sub[0], run)


GROUPS = {"parse": test_parse, "errors": test_errors, "usage": test_usage, "check": test_check,
          "convert": test_convert, "build": test_build, "options": test_options, "from": test_from}


def main(argv):
    global BINARY
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    BINARY = argv[1]
    groups = argv[2:] or list(GROUPS)
    for group in groups:
        if group not in GROUPS:
            print("unknown group %r; one of %s" % (group, ", ".join(GROUPS)), file=sys.stderr)
            return 2
        GROUPS[group]()
    for failure in FAILURES:
        print("FAIL: " + failure)
    print("%d checks, %d failed (%s)" % (CHECKS, len(FAILURES), ", ".join(groups)))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
