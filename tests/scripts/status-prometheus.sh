#!/bin/bash
# status --format=prometheus is valid Prometheus text exposition format on every test sysroot
# and fixture, as the reference client library's parser reads it: three gauge families, each
# with HELP and TYPE, exactly one sample at 1 in the verdict's and mode's state sets and in
# each check's, a check for every id the JSON lists.
set -u
python=/usr/bin/python3
$python -c 'import prometheus_client.parser' 2>/dev/null ||
	{ echo "needs python3-prometheus-client (tools/install-deps installs it)"; exit 77; }
dir=$(mktemp -d "${TMPROOT:-/tmp}/status-prometheus.XXXXXX")
trap 'rm -rf "$dir"' EXIT
bad=0
roots=()
for desc in tests/sysroots/*.desc; do
	root=$dir/$(basename "$desc" .desc)
	tests/sysroots/make-sysroot.sh "$desc" "$root" >/dev/null || { echo "cannot build $desc"; exit 2; }
	roots+=("$root")
done
for root in "${FIXTURES:-/nonexistent}"/*; do
	[ -d "$root" ] && roots+=("$root")
done
for root in "${roots[@]}"; do
	iommutool --sysroot "$root" status --format=prometheus >"$dir/metrics" 2>/dev/null
	code=$?
	iommutool --sysroot "$root" --json status >"$dir/json" 2>/dev/null
	if [ $code != 0 ]; then
		echo "$root: exit $code"
		bad=$((bad + 1))
		continue
	fi
	$python - "$dir/metrics" "$dir/json" <<'PY' || { echo "  in $root"; bad=$((bad + 1)); }
import json, sys
from collections import Counter
from prometheus_client.parser import text_string_to_metric_families

text = open(sys.argv[1]).read()
doc = json.load(open(sys.argv[2]))
families = {f.name: f for f in text_string_to_metric_families(text)}
problems = []
for name in ("iommutool_status_verdict", "iommutool_status_mode", "iommutool_status_check"):
    if name not in families or families[name].type != "gauge":
        problems.append(f"{name}: missing or not a gauge")
for name, key in (("iommutool_status_verdict", "verdict"), ("iommutool_status_mode", "mode")):
    ones = [s.labels[key] for s in families[name].samples if s.value == 1]
    if ones != [doc["status"][key]]:
        problems.append(f"{name}: {ones}, the JSON says {doc['status'][key]}")
ones = Counter(s.labels["check"] for s in families["iommutool_status_check"].samples if s.value == 1)
for c in doc["checks"]:
    if ones[c["id"]] != 1:
        problems.append(f"check {c['id']}: {ones[c['id']]} samples at 1")
    sample = [s for s in families["iommutool_status_check"].samples
              if s.labels["check"] == c["id"] and s.value == 1]
    if sample and sample[0].labels["result"] != c["result"]:
        problems.append(f"check {c['id']}: {sample[0].labels['result']}, the JSON says {c['result']}")
if not text.endswith("\n") or any(l.startswith("# HELP") and not l.split(" ", 3)[3] for l in text.splitlines()):
    problems.append("a line without its end or a HELP without text")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
PY
done
[ $bad -eq 0 ] && echo "status --format=prometheus: valid metrics on ${#roots[@]} sysroots"
[ $bad -eq 0 ]
