#!/usr/bin/env python3
"""The command lines `rsconn convert` writes, run by the real programs that read them.

    cli_consumers.py RSCONN data-api      the AWS CLI (Debian's awscli, /usr/bin/aws) runs each
                                          `--to data-api` line against a local stand-in for the
                                          Redshift Data API on 127.0.0.1; the request it sends
                                          must carry the model's workgroup or cluster, database,
                                          DbUser and region (read from its SigV4 scope)
    cli_consumers.py RSCONN rsql-psql     each `--to rsql --show-secrets` line (RSPASSWORD=... rsql
                                          -h -p -U -d) runs with psql standing in for rsql (RSQL
                                          is built on psql and takes the same options; it is not
                                          packaged for Debian) and logs in to the private
                                          PostgreSQL server of the client tests (CTest fixture)

Both go through bash, so rsconn's shell quoting meets a real shell. Everything stays on
127.0.0.1; every process has a timeout. Exit 0 on success, 1 on a failure, 77 (CTest's skip
code here) when the program under test is not installed, except under CI=true, where a missing
program is a failure (a green CI must never mean "skipped").
"""
import http.server
import json
import os
import subprocess
import sys
import threading
import urllib.parse

TIMEOUT = 60
FAILURES = []


def fail(message):
    FAILURES.append(message)
    print("FAIL: " + message, file=sys.stderr)


def convert(rsconn, to, text, *flags):
    run = subprocess.run([rsconn, "convert", "--to", to, *flags, text], capture_output=True, text=True,
                         timeout=TIMEOUT)
    if run.returncode != 0:
        fail(f"rsconn convert --to {to} {text!r} exited {run.returncode}: {run.stderr.strip()}")
        return None
    lines = run.stdout.splitlines()
    if len(lines) != 1:
        fail(f"rsconn convert --to {to} {text!r} printed {len(lines)} lines, not 1: {run.stdout!r}")
        return None
    return lines[0]


def enc(text):
    """Percent-encodes every byte a JDBC URL value cannot hold as is."""
    return urllib.parse.quote(text, safe="")


# ---- data-api ------------------------------------------------------------------------------

class DataApiStandIn(http.server.BaseHTTPRequestHandler):
    """Answers ExecuteStatement as the Data API does, and keeps every request it saw."""
    requests = []

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        DataApiStandIn.requests.append({"target": self.headers.get("X-Amz-Target", ""),
                                        "authorization": self.headers.get("Authorization", ""),
                                        "body": json.loads(body or b"{}")})
        reply = json.dumps({"Id": "8c6fd2b6-0000-4000-8000-000000000000"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args):
        pass


SERVERLESS = "default.123456789012.us-east-1.redshift-serverless.amazonaws.com"
HOSTILE_DATABASE = "my db'$x\"`;&*\\é"
HOSTILE_DB_USER = "ops.user+1@example.com"

# (input, expected request fields, expected signing region or None for the CLI's own)
DATA_API_CASES = [
    ("jdbc:redshift://" + SERVERLESS + ":5439/dev",
     {"WorkgroupName": "default", "Database": "dev"}, "us-east-1"),
    ("jdbc:redshift://analytics.123456789012.cn-north-1.redshift-serverless.amazonaws.com.cn:5439/"
     + enc(HOSTILE_DATABASE),
     {"WorkgroupName": "analytics", "Database": HOSTILE_DATABASE}, "cn-north-1"),
    ("jdbc:redshift:iam://examplecluster.abc123xyz789.us-gov-west-1.redshift.amazonaws.com:5439/sales?DbUser="
     + enc(HOSTILE_DB_USER),
     {"ClusterIdentifier": "examplecluster", "Database": "sales", "DbUser": HOSTILE_DB_USER}, "us-gov-west-1"),
    ("jdbc:redshift:iam://redshift-serverless-etl-wg:eu-west-1/warehouse",
     {"WorkgroupName": "etl-wg", "Database": "warehouse"}, "eu-west-1"),
    ("Driver={Amazon Redshift ODBC Driver (x64)};"
     "Server=ddi-endpoint-endpoint-abcdefghij0123456789.123456789012.ap-northeast-1.redshift-serverless.amazonaws.com;"
     "Port=5439;Database={a;b}}c};Workgroup=reporting;Region=ap-northeast-1",
     {"WorkgroupName": "reporting", "Database": "a;b}c"}, "ap-northeast-1"),
    ("postgresql://bob@" + SERVERLESS.replace("us-east-1", "sa-east-1") + ":5440/dev%20two",
     {"WorkgroupName": "default", "Database": "dev two"}, "sa-east-1"),
]


def skip(message):
    """77 (skipped), or 1 under CI=true: CI must run every test."""
    if os.environ.get("CI") == "true":
        print(f"cli_consumers: {message}; CI=true, so this is a failure (scripts/install-deps.sh installs it)")
        return 1
    print(f"cli_consumers: {message}; the test is skipped")
    return 77


def data_api(rsconn):
    aws = os.environ.get("RSCONN_AWS", "/usr/bin/aws")
    if not os.access(aws, os.X_OK):
        return skip(f"{aws} not found (Debian package awscli)")
    server = http.server.HTTPServer(("127.0.0.1", 0), DataApiStandIn)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    endpoint = f"http://127.0.0.1:{server.server_address[1]}"
    env = {"PATH": os.path.dirname(aws) + ":/usr/bin:/bin", "HOME": "/nonexistent",
           "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "not-a-secret",
           "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
           "AWS_DEFAULT_REGION": "us-east-1", "AWS_PAGER": "", "LC_ALL": "C.UTF-8"}
    checked = 0
    for text, expected, region in DATA_API_CASES:
        line = convert(rsconn, "data-api", text)
        if line is None:
            continue
        if not line.startswith("aws redshift-data execute-statement "):
            fail(f"{text!r}: unexpected command {line!r}")
            continue
        DataApiStandIn.requests.clear()
        # The line as rsconn printed it, with the real program and the stand-in's address.
        command = aws + line[len("aws"):] + f" --sql 'select 1' --endpoint-url {endpoint} --output json"
        run = subprocess.run(["bash", "-c", command], capture_output=True, text=True, env=env, timeout=TIMEOUT)
        if run.returncode != 0 or len(DataApiStandIn.requests) != 1:
            fail(f"{text!r}: `{command}` exited {run.returncode} after {len(DataApiStandIn.requests)} "
                 f"request(s): {run.stderr.strip()[-400:]}")
            continue
        request = DataApiStandIn.requests[0]
        if request["target"] != "RedshiftData.ExecuteStatement":
            fail(f"{text!r}: the CLI called {request['target']!r}")
        body = dict(request["body"])
        body.pop("ClientToken", None)
        want = dict(expected, Sql="select 1")
        if body != want:
            fail(f"{text!r}: the CLI sent {body!r}, the model says {want!r}")
        scope = f"/{region}/redshift-data/aws4_request"
        if scope not in request["authorization"]:
            fail(f"{text!r}: the request was not signed for {region}: {request['authorization']!r}")
        checked += 1
    server.shutdown()
    # What the Data API cannot be given must be refused with a reason, not written half.
    for text in ["jdbc:redshift://" + SERVERLESS + ":5439",  # no database (the driver refuses it too)
                 "jdbc:redshift://my-nlb.example.com:5439/dev"]:  # names neither workgroup nor cluster
        run = subprocess.run([rsconn, "convert", "--to", "data-api", text], capture_output=True, text=True,
                             timeout=TIMEOUT)
        if run.returncode == 0 or not run.stderr.strip():
            fail(f"{text!r}: convert --to data-api should fail with a message, got {run.returncode} {run.stdout!r}")
    print(f"cli_consumers: the AWS CLI sent what rsconn's model says for {checked} command lines")
    return 0 if checked and not FAILURES else 1


# ---- rsql-psql -----------------------------------------------------------------------------

def rsql_psql(rsconn):
    psql = os.environ.get("RSCONN_PSQL", "/usr/bin/psql")
    if not os.access(psql, os.X_OK):
        return skip(f"{psql} not found (Debian package postgresql-client)")
    port = os.environ["RSCONN_PG_PORT"]
    database = os.environ["RSCONN_PG_DATABASE"]
    user = os.environ["RSCONN_PG_USER"]
    with open(os.environ["RSCONN_PG_PASSWORD_FILE"], encoding="utf-8") as f:
        password = f.read()
    # libpq connects to 127.0.0.1 while the host name stays the Serverless one (as hostaddr does).
    env = {"PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "LC_ALL": "C.UTF-8", "PGHOSTADDR": "127.0.0.1",
           "PGSSLMODE": "disable", "PGCONNECT_TIMEOUT": "10",
           "PGSERVICEFILE": os.environ.get("PGSERVICEFILE", "/nonexistent"),
           "PGPASSFILE": os.environ.get("PGPASSFILE", "/nonexistent")}
    # rsql is a shell function here: psql with RSQL's password variable.
    stand_in = (f'rsql() {{ PGPASSWORD="$RSPASSWORD" {psql} -X -A -t -v ON_ERROR_STOP=1 '
                f'-c "select current_database() || \' \' || current_user" "$@"; }}; ')
    inputs = [
        f"jdbc:redshift://{SERVERLESS}:{port}/{database}?user={user}&password={enc(password)}",
        f"Driver={{Amazon Redshift ODBC Driver (x64)}};Server={SERVERLESS};Port={port};Database={database};"
        f"UID={user};PWD={{{password.replace('}', '}}')}}}",
        f"postgresql://{user}:{enc(password)}@{SERVERLESS}:{port}/{database}",
    ]
    checked = 0
    for text in inputs:
        line = convert(rsconn, "rsql", text, "--show-secrets")
        if line is None:
            continue
        if " rsql -h " not in line or password in line.split(" rsql ", 1)[1]:
            fail(f"{text!r}: unexpected rsql line (the password belongs in RSPASSWORD only): {line!r}")
            continue
        run = subprocess.run(["bash", "-c", stand_in + line], capture_output=True, text=True, env=env,
                             timeout=TIMEOUT)
        if run.returncode != 0 or run.stdout.strip() != f"{database} {user}":
            fail(f"{text!r}: psql as rsql exited {run.returncode}, printed {run.stdout!r}: {run.stderr.strip()}")
            continue
        checked += 1
    print(f"cli_consumers: psql (as rsql) logged in with {checked} rsconn command lines")
    return 0 if checked == len(inputs) and not FAILURES else 1


def main():
    if len(sys.argv) != 3 or sys.argv[2] not in ("data-api", "rsql-psql"):
        print(__doc__, file=sys.stderr)
        return 2
    rsconn = sys.argv[1]
    return data_api(rsconn) if sys.argv[2] == "data-api" else rsql_psql(rsconn)


if __name__ == "__main__":
    sys.exit(main())
