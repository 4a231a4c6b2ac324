#!/usr/bin/env bash
# What the test suite needs on this machine: PostgreSQL answering on 127.0.0.1:5432, Redis
# on 127.0.0.1:6379 (the cache backend's tests) and Debian's chromium for the browser tests. Starts or installs what is missing, where it
# can (installing needs root); says plainly what it could not do.
set -uo pipefail

if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    echo "Starting PostgreSQL..."
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
  fi
fi
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  echo "PostgreSQL is not answering on 127.0.0.1:5432; set TEST_DATABASE_URL to one that does." >&2
fi

redis_answers() {
  command -v redis-cli >/dev/null 2>&1 && redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1
}
if ! redis_answers; then
  if ! command -v redis-server >/dev/null 2>&1 && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Redis for the cache tests..."
    (apt-get install -y -qq redis-server >/dev/null 2>&1) || \
      (apt-get update -qq && apt-get install -y -qq redis-server >/dev/null)
  fi
  if command -v redis-server >/dev/null 2>&1; then
    echo "Starting Redis..."
    redis-server --bind 127.0.0.1 --port 6379 --daemonize yes --save '' --appendonly no >/dev/null
    sleep 1
  fi
fi
if ! redis_answers; then
  echo "Redis is not answering on 127.0.0.1:6379: the cache tests will be skipped (CI fails instead); set TEST_REDIS_URL to one that does." >&2
fi

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the browser tests..."
    (apt-get install -y -qq chromium >/dev/null 2>&1) || \
      (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)
  else
    echo "chromium is not installed: browser tests will be skipped (CI fails instead)." >&2
  fi
fi
exit 0
