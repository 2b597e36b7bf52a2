#!/usr/bin/env python3
"""The statements a request makes the server issue, taken from the embedded PostgreSQL's jsonlog
(log_statement = 'all' for the duration of one request), and turned into a pgbench script.

  capture.py extract <jsonlog> <from-line> > capture.json
      Every statement the application's connections (application_name "PostgreSQL JDBC Driver")
      sent after line <from-line> of the log, in order: [{"sql": ..., "params": [...]}].
  capture.py shape <capture.json | pgbench-script>
      One normalised line per statement: whitespace collapsed, the prepared statement's name
      dropped, every parameter placeholder ($1, :var, an inlined NULL) written as '?'.
      Two shapes equal means the raw side runs exactly the statements the API issues.
  capture.py generate <capture.json> <known.json> <setup-template> > script.sql
      The pgbench script (run with -M prepared): the setup template (the per-transaction choice of
      rows), then the captured statements with each parameter turned into a pgbench variable.
      known.json: {"txn": {name: [sql-expression, value-in-capture]}, "run": {name: value}}.
      Parameter values are matched against those: a per-transaction value becomes a column of the
      setup's SELECT ... \\gset; a per-run value a -D variable; a UUID seen nowhere else a new
      time-ordered id per transaction (like the application's UUIDv7); a text containing known
      values an expression built from them; any other value a per-run constant taken from the
      capture (header line "-- run-var name = $n of statement i"); NULL stays an inlined NULL.
  capture.py defines <pgbench-script> <capture.json>
      The -D name=value arguments (one a line) for the script's run-vars, from a fresh capture.
"""
import json
import re
import sys

APP = "PostgreSQL JDBC Driver"
PREFIX = re.compile(r"^(?:execute [^:]+|statement):\s*", re.S)
PARAM = re.compile(r"\$(\d+) = (NULL|'((?:[^']|'')*)')")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
# A PostgreSQL array literal as the server logs a bound array: {a,b} or {"2026-12-02 16:10:24+00",...}
ARRAY = re.compile(r'\{(?:"[^"]*"|[^,{}":]*)(?:,(?:"[^"]*"|[^,{}":]*))*\}')
ARRAY_ELEMENT = re.compile(r'"[^"]*"|[^,]+')
NEW_ID = ("encode(overlay(uuid_send(gen_random_uuid()) placing substring(int8send("
          "(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 'hex')::uuid")


def extract(log, from_line):
    out = []
    with open(log, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if i <= from_line:
                continue
            e = json.loads(line)
            if e.get("application_name") != APP or e.get("backend_type") != "client backend":
                continue
            msg = e.get("message", "")
            if not PREFIX.match(msg):
                continue
            sql = PREFIX.sub("", msg, count=1).strip()
            if not sql:
                continue  # the pool's connection check (an empty query), only sent after 500 ms idle
            params = []
            detail = e.get("detail") or ""
            if detail.startswith("Parameters: "):
                for m in PARAM.finditer(detail):
                    n = int(m.group(1))
                    while len(params) < n:
                        params.append(None)
                    params[n - 1] = None if m.group(2) == "NULL" else m.group(3).replace("''", "'")
            out.append({"pid": e.get("pid"), "sql": sql, "params": params})
    return out


def norm(sql):
    s = re.sub(r"\s+", " ", sql).strip().rstrip(";").strip()
    s = re.sub(r"\$\d+", "?", s)
    return s


def shape_of(path):
    if path.endswith(".json"):
        return [norm(s["sql"]) for s in json.load(open(path, encoding="utf-8"))]
    # a pgbench script: the statements after the "-- captured statements" marker; its comment
    # lines "-- captured: ..." hold the shapes as captured
    return [line[len("-- captured: "):].rstrip("\n") for line in open(path, encoding="utf-8")
            if line.startswith("-- captured: ")]


def sq(v):
    return "'" + v.replace("'", "''") + "'"


LITERAL = re.compile(r"'(?:[^']|'')*'")
COLON_NAME = re.compile(r":(?=[A-Za-z_])")


def colon_free(sql):
    """pgbench reads ':name' as a variable even inside a string literal ('[^[:alnum:]]+' would become a parameter the
    statement never uses, "could not determine data type"): such a literal is spelled with chr(58) for the colon,
    the same constant once the planner folds it."""
    def literal(m):
        text = m.group(0)
        if not COLON_NAME.search(text):
            return text
        return "(" + " || chr(58) || ".join("'" + part + "'" for part in text[1:-1].split(":")) + ")"
    return LITERAL.sub(literal, sql)


def generate(capture, known, template):
    per_txn = template != "-"  # without a setup SELECT every value is a per-run constant
    txn = known.get("txn", {})
    run = known.get("run", {})
    by_value = {}       # value -> variable name
    setup = []          # (name, expression) for the setup SELECT
    run_vars = []       # (name, statement index, parameter number) taken from a fresh capture
    for name, (expr, value) in txn.items():
        by_value.setdefault(value, name)
    for name, value in run.items():
        by_value.setdefault(value, name)
    used_txn = set()
    lines = []
    new_ids = 0
    for i, st in enumerate(capture, 1):
        sql = st["sql"]
        names = {}
        for n, v in enumerate(st["params"], 1):
            if v is None:
                names[n] = None
                continue
            if v in by_value:
                names[n] = by_value[v]
                if names[n] in txn:
                    used_txn.add(names[n])
                continue
            if per_txn and ARRAY.fullmatch(v):
                # an array bound by the application (unnest, = ANY): rebuilt per transaction in the statement
                # itself, element by element: a known value its variable, an unseen UUID a fresh id
                elements = []
                raws = [r[1:-1] if r.startswith('"') else r for r in ARRAY_ELEMENT.findall(v[1:-1])]
                # an array of ids is a uuid[] (= ANY(uuid column)); anything else is rebuilt as text
                kind = "uuid" if raws and all(UUID.match(e) for e in raws) else "text"
                for e in raws:
                    if e in by_value:
                        elements.append(f"CAST(:{by_value[e]} AS {kind})")
                        if by_value[e] in txn:
                            used_txn.add(by_value[e])
                    elif UUID.match(e):
                        elements.append(f"CAST({NEW_ID} AS {kind})")
                    elif e == "NULL":
                        elements.append("NULL")
                    else:
                        elements.append(sq(e))
                # an empty array has no element type to infer; the statement casts it, so say text[]
                names[n] = "ARRAY[" + ", ".join(elements) + "]" if elements else "ARRAY[]::text[]"
                continue
            if UUID.match(v) and per_txn:
                new_ids += 1
                name = f"new{new_ids}"
                setup.append((name, NEW_ID))
            else:
                pieces, rest = [], v
                found = sorted(((val, nm) for nm, (_, val) in txn.items() if val and val in v), key=lambda x: -len(x[0]))
                found += sorted(((val, nm) for nm, val in run.items() if val and len(val) > 8 and val in v), key=lambda x: -len(x[0]))
                if found and per_txn:
                    expr = sq(v)
                    for val, nm in found:
                        e = txn[nm][0] if nm in txn else ":" + nm
                        expr = expr.replace(val, "' || " + e + " || '")
                        if nm in txn:
                            used_txn.add(nm)
                    name = f"p{i}_{n}"
                    setup.append((name, expr))
                elif v == "":
                    # pgbench refuses an empty -D value: an empty text is set per transaction instead
                    name = f"p{i}_{n}"
                    setup.append((name, "''"))
                else:
                    name = f"p{i}_{n}"
                    run_vars.append((name, i, n))
            by_value[v] = name
            names[n] = name

        def sub(m):
            nm = names.get(int(m.group(1)))
            if nm is None:
                return "NULL"
            return nm if nm.startswith("ARRAY[") else ":" + nm
        lines.append(f"-- captured: {norm(sql)}")
        lines.append(re.sub(r"\$(\d+)", sub, colon_free(sql)) + ";")
    exprs = [(nm, txn[nm][0]) for nm in txn if nm in used_txn] + setup
    head = ["-- Generated by bench/capture.py from the statements the server logged for one API request;",
            "-- regenerate with UPDATE_CAPTURE=1. Run with pgbench -M prepared."]
    head += [f"-- run-var {nm} = ${n} of statement {i}" for nm, i, n in run_vars]
    select = ", ".join(f"{e} AS {nm}" for nm, e in exprs)
    body = open(template, encoding="utf-8").read().replace("@SETUP_COLUMNS@", select) if template != "-" else ""
    return "\n".join(head) + "\n" + body + "-- captured statements\n" + "\n".join(lines) + "\n"


def defines(script, capture):
    out = []
    for line in open(script, encoding="utf-8"):
        m = re.match(r"-- run-var (\w+) = \$(\d+) of statement (\d+)", line)
        if m:
            v = capture[int(m.group(3)) - 1]["params"][int(m.group(2)) - 1]
            out.append(f"{m.group(1)}={v}")
    return out


def main(argv):
    cmd = argv[1]
    if cmd == "extract":
        json.dump(extract(argv[2], int(argv[3])), sys.stdout, indent=1)
    elif cmd == "shape":
        print("\n".join(shape_of(argv[2])))
    elif cmd == "generate":
        sys.stdout.write(generate(json.load(open(argv[2])), json.load(open(argv[3])), argv[4]))
    elif cmd == "defines":
        sys.stdout.write("".join(d + "\n" for d in defines(argv[2], json.load(open(argv[3])))))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
