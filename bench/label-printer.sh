#!/usr/bin/env bash
# Benchmark: Temso label-printer vs gLabels (glabels-3-batch) on the 3x8 A4 template (70 x 37 mm).
# Prints labels/s, bytes/label and peak heap (Java run with -Xmx64m), gLabels' figures measured in
# the same run, and the ratios.
#   bench/label-printer.sh            10,000 Temso labels; gLabels 1,000 rows, scaled (printed as EXTRAPOLATED)
#   bench/label-printer.sh --full     gLabels runs all 10,000 rows too (about 9 minutes and 4 GB RSS)
# Needs: JDK 17, Maven, and `apt-get install -y glabels` for the comparison (skipped with a note if absent).
set -euo pipefail
cd "$(dirname "$0")/.."

LABELS=10000
GL_ROWS=${GLABELS_ROWS:-1000}
if [[ "${1:-}" == "--full" ]]; then GL_ROWS=$LABELS; fi
WORK=label-printer/target/bench
mkdir -p "$WORK"

flock /tmp/temso-mvn.lock mvn -B -q -pl label-printer test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$WORK/classpath.txt" -Dmdep.includeScope=test >/dev/null
CP="label-printer/target/test-classes:label-printer/target/classes:$(cat "$WORK/classpath.txt")"

GL_PROPS=()
if command -v glabels-3-batch >/dev/null; then
  # the same fields as a Temso label, merged from CSV: one QR barcode object and one text object
  {
    echo "qrPayload,productName,lot,zoneCode,harvestDate,expiry,netQuantity,cooperativeName,stars"
    for ((i = 0; i < GL_ROWS; i++)); do
      printf 'https://temso.example.vn/01/08935123456784/10/LA2611A/21/K7Q%06dXP?8030=MEUCIQDx7rT3kq9Vb2Lw8yZp0sNfHj4aGcE1mRtUoXiYvBzQdA_iB-9sKq2WnVfLx,Gạo thơm ST25,LA26%02dA,VN-LA-%04d,15/01/2026,15/07/2026,5 kg,Hợp tác xã Tân Trụ Xanh,★★★★ OCOP\n' \
        "$i" $((i % 80 + 11)) $((i % 37 + 100))
    done
  } > "$WORK/rows.csv"
  cat > "$WORK/temso-3x8.glabels" <<'XML'
<?xml version="1.0"?>
<Glabels-document xmlns="http://glabels.org/xmlns/3.0/">
  <Template brand="Temso" part="3x8-70x37" size="A4" description="3 x 8 labels 70 x 37 mm">
    <Meta category="label"/>
    <Label-rectangle id="0" width="70mm" height="37mm" round="0mm" x_waste="0mm" y_waste="0mm">
      <Markup-margin size="1.5mm"/>
      <Layout nx="3" ny="8" x0="0mm" y0="0.5mm" dx="70mm" dy="37mm"/>
    </Label-rectangle>
  </Template>
  <Objects id="0" rotate="False">
    <Object-barcode x="0.5mm" y="0.5mm" w="36mm" h="36mm" backend="libqrencode" style="IEC18004" text="False" checksum="True" color="0x000000ff" field="qrPayload" a0="1" a1="0" a2="0" a3="1" a4="0" a5="0"/>
    <Object-text x="37mm" y="1.5mm" w="31.5mm" h="34mm" justify="Left" valign="Top" auto_shrink="True" a0="1" a1="0" a2="0" a3="1" a4="0" a5="0">
      <Span font_family="DejaVu Sans" font_size="8" font_weight="Normal" font_italic="False" color="0x000000ff" line_spacing="1"><Field name="productName"/><NL/><Field name="cooperativeName"/><NL/>Lô: <Field name="lot"/><NL/>Vùng trồng: <Field name="zoneCode"/><NL/>Thu hoạch: <Field name="harvestDate"/> HSD: <Field name="expiry"/><NL/>KL tịnh: <Field name="netQuantity"/><NL/><Field name="stars"/></Span>
    </Object-text>
  </Objects>
  <Merge type="Text/Comma/Line1Keys" src="rows.csv"/>
</Glabels-document>
XML
  echo "gLabels: glabels-3-batch, $GL_ROWS rows ..."
  start=$(date +%s.%N)
  if [[ -x /usr/bin/time ]]; then
    (cd "$WORK" && /usr/bin/time -f '%M' -o glabels.rss glabels-3-batch -o glabels.pdf -i rows.csv temso-3x8.glabels \
      > glabels.log 2>&1)
    RSS=$(tail -1 "$WORK/glabels.rss")
  else
    (cd "$WORK" && glabels-3-batch -o glabels.pdf -i rows.csv temso-3x8.glabels > glabels.log 2>&1)
    RSS=0
  fi
  end=$(date +%s.%N)
  SECONDS_GL=$(echo "$end - $start" | bc -l)
  BYTES_GL=$(stat -c %s "$WORK/glabels.pdf")
  GL_PROPS=(-Dglabels.rows="$GL_ROWS" -Dglabels.seconds="$SECONDS_GL" -Dglabels.bytes="$BYTES_GL" -Dglabels.rssKb="$RSS")
else
  echo "glabels-3-batch not installed (apt-get install -y glabels): Temso figures only"
fi

echo "Temso: $LABELS labels, java -Xmx64m, 2 QR encoder threads ..."
java -Xmx64m "${GL_PROPS[@]}" -cp "$CP" vn.temso.label.bench.LabelSheetBenchmark "$LABELS" "$WORK"

echo "QR encoding alone (one thread, stamp URL at level Q): ZXing's Encoder vs QrSymbol.encode ..."
java -cp "$CP" vn.temso.label.bench.QrEncodeBenchmark 3000
