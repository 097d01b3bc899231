# Sessions and throttles across instances (sourced by scripts/cluster-check.sh): sign-in sessions and the sign-in
# failure counters are rows in the shared database, so a token from a works on b, a sign-out on a ends the session
# on b at once, and failed sign-ins on a count on b.

# status URL PATH [curl args...] -> the HTTP status
status() { local url=$1 path=$2; shift 2; curl -s -o /dev/null -w '%{http_code}' "$@" "$url$path"; }

# login_as URL USER PASSWORD ADDRESS -> HTTP status of a sign-in from that client address (through the proxy header)
login_as() {
  curl -s -o /dev/null -w '%{http_code}' -X POST "$1/api/auth/login" -H 'Content-Type: application/json' \
    -H "X-Forwarded-For: $4" -d "{\"username\":\"$2\",\"password\":\"$3\"}"
}

check_sessions() {
  local tok s
  tok=$(token tantru.quanly "$A_URL") || fail "demo manager cannot sign in on a"
  s=$(status "$B_URL" /api/auth/me -H "Authorization: Bearer $tok")
  [ "$s" = 200 ] || fail "a token from a is refused on b ($s)"
  pass "a token from a works on b"
  s=$(status "$A_URL" /api/auth/logout -X POST -H "Authorization: Bearer $tok")
  [ "$s" = 204 ] || [ "$s" = 200 ] || fail "sign-out on a answered $s"
  s=$(status "$B_URL" /api/auth/me -H "Authorization: Bearer $tok")
  [ "$s" = 401 ] || fail "after sign-out on a the token still works on b ($s)"
  s=$(status "$LB_URL" /api/auth/me -H "Authorization: Bearer $tok")
  [ "$s" = 401 ] || fail "after sign-out on a the token still works through the load balancer ($s)"
  pass "a sign-out on a ends the session on b at once"

  # temso.login.free-attempts (5) wrong passwords per (username, address), spread over both instances, lock the
  # pair: the next attempt, even with the right password and on either instance, is refused with 429
  local addr=198.51.100.$((RANDOM % 200 + 20)) i on
  for i in 1 2 3 4 5; do
    if [ $((i % 2)) = 1 ]; then on=$A_URL; else on=$B_URL; fi
    s=$(login_as "$on" tantru.quanly wrong-password-$i "$addr")
    [ "$s" = 401 ] || fail "wrong password $i from $addr answered $s, expected 401"
  done
  s=$(login_as "$B_URL" tantru.quanly "$DEMO_PASSWORD" "$addr")
  [ "$s" = 429 ] || fail "after 5 failed sign-ins spread over a and b, b let $addr try again ($s, expected 429)"
  s=$(login_as "$A_URL" tantru.quanly "$DEMO_PASSWORD" "$addr")
  [ "$s" = 429 ] || fail "after 5 failed sign-ins spread over a and b, a let $addr try again ($s, expected 429)"
  s=$(login_as "$A_URL" tantru.quanly "$DEMO_PASSWORD" 198.51.100.9)
  [ "$s" = 200 ] || fail "the lock of $addr also locked another address ($s)"
  pass "5 failed sign-ins alternating on a and b lock the (user, address) pair on both; other addresses still sign in"
}
