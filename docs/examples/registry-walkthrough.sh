#!/usr/bin/env bash
# Signs in as the demo manager of HTX Tân Trụ Xanh and registers a zone, a product, a batch and a spraying.
# Run it once against a fresh demo server (the zone code and GTIN are fixed, so a second run gets 409s).
set -e
B=${B:-http://localhost:8080}  # the address run.sh printed
TOKEN=$(curl -s -X POST $B/api/auth/login -H 'Content-Type: application/json' \
  -d '{"username":"tantru.quanly","password":"temso-demo-2026"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
ZONE=$(curl -s -X POST $B/api/zones -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{
  "code": "VN-LAN-TT-0099", "name": "Vùng lúa Bình Tịnh Đông", "commune": "Bình Tịnh", "crop": "Lúa", "variety": "ST25",
  "declaredAreaHa": 24.5, "households": 12, "harvestsPerYear": 2,
  "certifications": [{"scheme": "VietGAP", "number": "VietGAP-TT-01-99-0456", "validUntil": "2027-06-30"}],
  "geometry": {"type": "Polygon", "coordinates": [[[106.5122,10.5371],[106.5172,10.5371],[106.5172,10.5411],[106.5122,10.5411],[106.5122,10.5371]]]}
}' | sed -E 's/.*"id":"([^"]+)".*"name".*/\1/')
echo "zone $ZONE"
PRODUCT=$(curl -s -X POST $B/api/products -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{
  "gtin": "8931234500993", "name": "Gạo ST25 Bình Tịnh – túi 2 kg", "unit": "túi 2 kg", "priceVnd": 79000,
  "ocop": {"stars": 4, "score": 78, "decisionNumber": "1234/QĐ-UBND", "decisionDate": "2025-03-15", "level": "PROVINCE", "authority": "UBND tỉnh Long An"}
}' | sed -E 's/.*"id":"([^"]+)".*"name".*/\1/')
echo "product $PRODUCT"
BATCH=$(curl -s -X POST $B/api/batches -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "{
  \"productId\": \"$PRODUCT\", \"lotCode\": \"TT2611-A\", \"zoneIds\": [\"$ZONE\"],
  \"harvestDate\": \"2026-11-10\", \"quantity\": 1200, \"unit\": \"kg\"
}" | sed -E 's/.*"id":"([^"]+)".*"lotCode".*/\1/')
echo "batch $BATCH"
curl -s -X POST $B/api/batches/$BATCH/events -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "{
  \"type\": \"SPRAYING\", \"occurredAt\": \"2026-11-05T07:30:00+07:00\", \"zoneId\": \"$ZONE\",
  \"inputName\": \"Validamycin 5SL\", \"dose\": \"1 lít/ha\", \"preHarvestIntervalDays\": 7
}"
echo
curl -s $B/api/batches/$BATCH -H "Authorization: Bearer $TOKEN"
echo
