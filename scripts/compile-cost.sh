#!/usr/bin/env bash
# What including rsconn costs a translation unit: wall time of `g++ -std=c++17 -O2 -c` on a TU
# that includes only the given header(s), best of 3, next to common baselines; then
# clang++ -ftime-trace on <rsconn/rsconn.hpp>, listing the includes that take the longest.
#
#   scripts/compile-cost.sh            (CXX=g++ by default; CLANGXX=clang++)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cxx=${CXX:-g++}
clangxx=${CLANGXX:-clang++}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

best_of_3() {  # prints the best wall time in seconds of compiling $work/tu.cpp
  local best="" t
  for _ in 1 2 3; do
    local start end
    start=$(date +%s.%N)
    "$cxx" -std=c++17 -O2 -I"$root/include" -c "$work/tu.cpp" -o "$work/tu.o"
    end=$(date +%s.%N)
    t=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", b - a}')
    if [[ -z $best ]] || awk -v a="$t" -v b="$best" 'BEGIN {exit !(a < b)}'; then best=$t; fi
  done
  echo "$best"
}

measure() {  # label, then the headers
  local label=$1
  shift
  : >"$work/tu.cpp"
  for header in "$@"; do echo "#include <$header>" >>"$work/tu.cpp"; done
  echo "int main() { return 0; }" >>"$work/tu.cpp"
  printf '%-44s %8s s\n' "$label" "$(best_of_3)"
}

echo "$("$cxx" --version | head -1), -std=c++17 -O2 -c, best of 3 (wall)"
measure "empty TU" 
measure "<string> <optional> <charconv>" string optional charconv
measure "<string> <vector> <optional> <string_view>" string vector optional string_view
measure "<tl/expected.hpp>" tl/expected.hpp
measure "rsconn's std + tl includes, no rsconn" string string_view vector optional cstdint tl/expected.hpp
measure "<rsconn/host.hpp>" rsconn/host.hpp
measure "<rsconn/endpoint.hpp>" rsconn/endpoint.hpp
measure "<rsconn/jdbc.hpp>" rsconn/jdbc.hpp
measure "<rsconn/odbc.hpp>" rsconn/odbc.hpp
measure "<rsconn/libpq.hpp>" rsconn/libpq.hpp
measure "<rsconn/rsql.hpp>" rsconn/rsql.hpp
measure "<rsconn/data_api.hpp>" rsconn/data_api.hpp
measure "<rsconn/detect.hpp>" rsconn/detect.hpp
measure "<rsconn/validate.hpp>" rsconn/validate.hpp
measure "<rsconn/rsconn.hpp>" rsconn/rsconn.hpp
measure "<fmt/format.h>" fmt/format.h
measure "<rsconn/fmt.hpp>" rsconn/fmt.hpp
measure "<boost/url.hpp>" boost/url.hpp
measure "<regex>" regex

# Where the time goes, per clang's -ftime-trace: the slowest headers (inclusive), in ms.
if command -v "$clangxx" >/dev/null; then
  echo
  echo "$("$clangxx" --version | head -1) -ftime-trace on <rsconn/rsconn.hpp>: top includes (inclusive ms)"
  printf '#include <rsconn/rsconn.hpp>\nint main() { return 0; }\n' >"$work/trace.cpp"
  (cd "$work" && "$clangxx" -std=c++17 -O2 -I"$root/include" -ftime-trace -c trace.cpp -o trace.o)
  python3 - "$work/trace.json" <<'PY'
import json, sys
events = json.load(open(sys.argv[1]))["traceEvents"]
totals = {}
for e in events:
    name = e.get("name")
    if name in ("Source", "ParseClass", "InstantiateFunction", "InstantiateClass") and "dur" in e:
        key = (name, e.get("args", {}).get("detail", ""))
        totals[key] = max(totals.get(key, 0), e["dur"])
    elif name and name.startswith("Total ") and "dur" in e:
        totals[(name, "")] = e["dur"]
sources = sorted(((d, k[1]) for k, d in totals.items() if k[0] == "Source"), reverse=True)[:12]
for d, f in sources:
    print(f"  {d / 1000:8.1f}  {f}")
print("  phases:")
for key in ("Total Frontend", "Total Source", "Total InstantiateFunction", "Total Backend", "Total ExecuteCompiler"):
    if (key, "") in totals:
        print(f"  {totals[(key, '')] / 1000:8.1f}  {key}")
PY
fi
