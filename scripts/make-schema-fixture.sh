#!/usr/bin/env bash
# Saves a database of the current schema, with data, as crates/crm-core/tests/fixtures/schema-vN.db.
# Run it before adding a migration, so the test can migrate this version forever after.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q -p crm-cli
crm=target/debug/crm
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
db="$tmp/fixture.db"
$crm --db "$db" init >/dev/null
$crm --db "$db" call contact_create '{"first_name":"Jürgen","last_name":"Groß","emails":["jg@example.de"],"phones":["+49 30 1234567"]}' >/dev/null
$crm --db "$db" call contact_create '{"first_name":"Тарас","last_name":"Шевченко","addresses":[{"city":"Київ"}]}' >/dev/null
$crm --db "$db" call contact_create '{"first_name":"Anna","last_name":"Müller","birthday":"1980-02-29"}' >/dev/null
account=$($crm --db "$db" call account_create '{"name":"Ärzte Verbund AG","account_type":"partner","industry":"Health","website":"aerzte.example.de","billing_address":{"city":"München"}}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
$crm --db "$db" call opportunity_create "{\"name\":\"Scaffolding\",\"account_id\":\"$account\",\"amount\":\"12500.00\",\"currency\":\"EUR\",\"stage\":\"proposal\"}" >/dev/null
$crm --db "$db" call lead_create '{"first_name":"Olena","last_name":"Koval","company":"Öko Bau","emails":["olena@example.ua"],"source":"web"}' >/dev/null
$crm --db "$db" call settings_update '{"changes":{"company_name":"Fixture GmbH"}}' >/dev/null
version=$($crm --db "$db" check --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["schema_version"])')
out="crates/crm-core/tests/fixtures/schema-v$version.db"
$crm --db "$db" backup "$out" >/dev/null
echo "Saved $out"
