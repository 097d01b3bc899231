#!/usr/bin/env bash
# Spreadsheet import: 50,000 farm-diary rows (100 lots x 500 entries, each with its own entry id) in one CSV file,
# imported by the running service (Payara Micro, embedded Derby) with a 256 MB heap; timed from the upload to the
# answer, as a dry run, as the commit and as the same file again (all unchanged); then the same diary for other lots
# as an .xlsx workbook (every text a shared string, as Excel writes it; bench/make-diary-xlsx.py), committed. Goals: the commit in under 30 s
# on 2 cores, with -Xmx256m. Holds the shared Maven lock (/tmp/mvn.lock) for the whole run, builds the WAR if it
# is missing. ROWS=50000 LOTS=100 PORT=8383 KEEP_DATA=1 change the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${IMPORT_BENCH_LOCKED:-}" ]; then
  IMPORT_BENCH_LOCKED=1 exec flock /tmp/mvn.lock "$0" "$@"
fi
[ -f traceability-war/target/temso.war ] || ./mvnw -B -o -q -DskipTests -Dspotless.check.skip=true -Dpmd.skip=true -Dcpd.skip=true install
export TEMSO_JAVA_OPTS="${TEMSO_JAVA_OPTS:--XX:+UseParallelGC -Xms256m -Xmx256m}"
. bench/server-lib.sh
ROWS="${ROWS:-50000}"
LOTS="${LOTS:-100}"
WORK=$(mktemp -d /tmp/temso-bench-import.XXXXXX)
trap 'stop_server; [ -n "${KEEP_DATA:-}" ] || rm -rf "$WORK"' EXIT

echo "== $(date -u +%FT%TZ) $(nproc) CPUs, $(java -version 2>&1 | head -1), JVM: $TEMSO_JAVA_OPTS"
start_server "$WORK/data" "$WORK/server.log"
TOKEN=$(login tantru.quanly)
read -r GTIN ZONE < <(
  { curl -sf "$B/api/products" -H "Authorization: Bearer $TOKEN"; echo; curl -sf "$B/api/zones" -H "Authorization: Bearer $TOKEN"; } |
    python3 -c 'import json,sys; p,z=[json.loads(l) for l in sys.stdin if l.strip()]; print(p["items"][0]["gtin"], z["items"][0]["code"])')
echo "product $GTIN zone $ZONE"

python3 - "$WORK" "$GTIN" "$ZONE" "$ROWS" "$LOTS" <<'PY'
import sys
work, gtin, zone, rows, lots = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
with open(f"{work}/lots.csv", "w", encoding="utf-8") as f:
    f.write("Mã GTIN sản phẩm,Mã lô,Mã vùng trồng,Ngày thu hoạch,Sản lượng,Đơn vị\n")
    for prefix in ("BENCH", "BENCHX"):  # BENCHX: the lots of the .xlsx run
        for l in range(lots):
            f.write(f"{gtin},{prefix}-{l:04d},{zone},20/12/2026,\"1200,5\",kg\n")
works = ["Bón phân", "Tưới nước", "Phun thuốc BVTV", "Kiểm tra"]
with open(f"{work}/diary.csv", "w", encoding="utf-8-sig") as f:
    f.write("Mã GTIN sản phẩm;Mã lô;Mã nhật ký;Công việc;Thời gian;Mã vùng trồng;Người thực hiện;"
            "Vật tư (thuốc, phân bón);Liều lượng;Thời gian cách ly (ngày);Ghi chú\n")
    per = rows // lots
    for i in range(rows):
        l, k = i // per, i % per
        w = works[k % 4]
        day, minute = 1 + (k // 24) % 28, k % 60
        spray = w == "Phun thuốc BVTV"
        f.write(f"{gtin};BENCH-{l:04d};NK-{i:06d};{w};{day:02d}/{1 + k // 672 % 11:02d}/2026 {6 + k % 12:02d}:{minute:02d};"
                f"{zone};Nguyễn Văn An;{'Validamycin 5SL' if spray else 'NPK 20-20-15'};1 lít/ha;"
                f"{'7' if spray else ''};Mục nhật ký số {i}\n")
PY
python3 bench/make-diary-xlsx.py "$WORK/diary.xlsx" "$GTIN" "$ZONE" "$ROWS" "$LOTS" BENCHX
ls -l "$WORK/diary.xlsx" | awk '{print "diary.xlsx: " $5 " bytes"}'
ls -l "$WORK/diary.csv" | awk '{print "diary.csv: " $5 " bytes"}'

upload() { # upload NAME FILE QUERY -> prints "seconds http_status" and keeps the answer in $WORK/NAME.json
  curl -s -o "$WORK/$1.json" -w '%{time_total} %{http_code}\n' -X POST "$B/api/imports/$3" \
    -H "Authorization: Bearer $TOKEN" -F "file=@$2"
}
summary() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print("rows", r["rows"], "created", r["created"], "updated", r["updated"], "unchanged", r["unchanged"], "problems", len(r["problems"]), r["problems"][:3])' "$WORK/$1.json"; }

read -r T S < <(upload lots "$WORK/lots.csv" batches); echo "lots: $T s ($S)"; summary lots
read -r TD S < <(upload dry "$WORK/diary.csv" "events?dryRun=true"); echo "diary dry run: $TD s ($S)"; summary dry
read -r TC S < <(upload commit "$WORK/diary.csv" events); echo "diary commit: $TC s ($S)"; summary commit
read -r TA S < <(upload again "$WORK/diary.csv" events); echo "diary again: $TA s ($S)"; summary again
read -r TX S < <(upload xlsx "$WORK/diary.xlsx" events); echo "diary as .xlsx (other lots), commit: $TX s ($S)"; summary xlsx
HEAP=$( (jcmd "$SERVER_PID" GC.heap_info 2>/dev/null || true) | head -3 | tr -s " " | tr "\n" " ")
echo "OutOfMemoryError lines in the server log: $(grep -c OutOfMemoryError "$WORK/server.log" || true)"
echo "heap after the runs: $HEAP"
echo
echo "goal: $ROWS diary rows committed in < 30 s on 2 cores with a heap of at most 256 MB (-Xmx256m)"
python3 -c 'import sys; n=int(sys.argv[3]); [print(f"result: {k} commit {float(t):.1f} s = {n/float(t):.0f} rows/s -> " + ("MET" if float(t) < 30 else "NOT MET")) for k, t in (("CSV", sys.argv[1]), (".xlsx", sys.argv[2]))]' "$TC" "$TX" "$ROWS"
