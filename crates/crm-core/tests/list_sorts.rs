//! Every sort of every list: keyset paging in both directions gives the full ORDER BY, ties and
//! empty values included; text sorts ignore case and accents; each sort walks its index.

mod common;

use crm_core::commands::dispatch;
use crm_core::{ErrorCode, Store};
use serde_json::{json, Value};

/// (list command, table, sort, the column the sort orders by).
const SORTS: &[(&str, &str, &str, &str)] = &[
    ("contact_list", "contacts", "name", "sort_name"),
    ("contact_list", "contacts", "email", "email"),
    ("contact_list", "contacts", "city", "sort_city"),
    ("contact_list", "contacts", "updated", "updated_at"),
    ("contact_list", "contacts", "title", "sort_title"),
    ("contact_list", "contacts", "phone", "phone"),
    ("account_list", "accounts", "name", "sort_name"),
    ("account_list", "accounts", "type", "account_type"),
    ("account_list", "accounts", "industry", "sort_industry"),
    ("account_list", "accounts", "city", "sort_city"),
    ("account_list", "accounts", "website", "sort_website"),
    ("account_list", "accounts", "updated", "updated_at"),
    ("lead_list", "leads", "name", "sort_name"),
    ("lead_list", "leads", "company", "sort_company"),
    ("lead_list", "leads", "email", "email"),
    ("lead_list", "leads", "status", "status"),
    ("lead_list", "leads", "source", "source"),
    ("lead_list", "leads", "score", "score"),
    ("lead_list", "leads", "updated", "updated_at"),
];

fn call(store: &Store, command: &str, args: Value) -> Value {
    dispatch(store, command, args.clone()).unwrap_or_else(|e| panic!("{command} {args}: {e:?}"))
}

/// Records whose every sort column has ties, empty values and mixed case or accents; one of each
/// kind deleted (lists leave it out).
fn fill(store: &Store) {
    let contacts = [
        ("Groß", "Jürgen", "Arzt", "jg@example.de", "+49 30 1234567", "Berlin"),
        ("gross", "anna", "ärztin", "", "", "berlin"),
        ("Müller", "Anna", "", "anna@example.de", "+49 30 1234567", ""),
        ("Muller", "Bert", "Bauer", "ANNA@example.de", "", "München"),
        ("Шевченко", "Тарас", "", "taras@example.ua", "+380 44 1234567", "Київ"),
        ("Adams", "", "bauer", "", "030 555", "Zürich"),
        ("Zeta", "Zoe", "Zahnarzt", "z@example.com", "030 555", ""),
        ("Ёлкин", "Пётр", "", "", "", "Berlin"),
    ];
    for (i, (last, first, title, email, phone, city)) in contacts.iter().enumerate() {
        let mut c = json!({"last_name": last, "first_name": first, "title": title});
        if !email.is_empty() {
            c["emails"] = json!([email]);
        }
        if !phone.is_empty() {
            c["phones"] = json!([phone]);
        }
        if !city.is_empty() {
            c["addresses"] = json!([{"city": city}]);
        }
        let id = call(store, "contact_create", c)["id"].clone();
        if i == 4 {
            call(
                store,
                "contact_delete",
                json!({"id": call(store, "contact_create", json!({"last_name": "Weg"}))["id"]}),
            );
            call(store, "contact_update", json!({"id": id, "changes": {"title": "Dichter"}}));
        }
    }
    let accounts = [
        ("Ärzte Verbund", "partner", "Health", "https://www.aerzte.example", "München"),
        ("arzte verbund", "customer", "health", "", ""),
        ("Bau AG", "customer", "", "bau.example", "Berlin"),
        ("Zeta Ltd", "prospect", "Öl", "http://Zeta.example", "berlin"),
        ("Восток", "customer", "", "", "Київ"),
    ];
    for (name, kind, industry, website, city) in accounts {
        let mut a = json!({"name": name, "account_type": kind, "industry": industry, "website": website});
        if !city.is_empty() {
            a["billing_address"] = json!({"city": city});
        }
        call(store, "account_create", a);
    }
    call(store, "account_delete", json!({"id": call(store, "account_create", json!({"name": "Alt"}))["id"]}));
    call(store, "lead_settings_update", json!({"changes": {"required_fields": ["last_name"]}}));
    let leads = [
        json!({"last_name": "Koval", "first_name": "Olena", "company": "Öko Bau", "source": "web",
               "emails": ["olena@example.ua"], "phones": ["+380 1"], "rating": "hot"}),
        json!({"last_name": "koval", "company": "oko bau", "source": "web", "rating": "hot"}),
        json!({"last_name": "Adams", "company": "", "source": "referral", "emails": ["A@x.de"]}),
        json!({"last_name": "Zeta", "company": "Zeta Ltd", "source": "phone", "emails": ["z@x.de"]}),
        json!({"last_name": "Ärger", "company": "", "source": "phone"}),
        json!({"last_name": "Bauer", "company": "Bau", "source": "web", "emails": ["b@x.de"], "rating": "hot",
               "phones": ["030 2"]}),
    ];
    for (i, lead) in leads.into_iter().enumerate() {
        let id = call(store, "lead_create", lead)["id"].clone();
        if i % 2 == 1 {
            call(store, "lead_set_status", json!({"id": id, "status": "contacted"}));
        }
    }
    call(store, "lead_delete", json!({"id": call(store, "lead_create", json!({"last_name": "Weg"}))["id"]}));
}

fn ids(page: &Value) -> Vec<String> {
    page["rows"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap().to_owned()).collect()
}

/// Every row of the list, page by page through the cursors.
fn walk(store: &Store, command: &str, mut query: Value) -> Vec<String> {
    let mut all = Vec::new();
    query["limit"] = json!(2);
    loop {
        let page = call(store, command, query.clone());
        all.extend(ids(&page));
        match page["next"].as_str() {
            Some(next) => query["after"] = json!(next),
            None => return all,
        }
    }
}

fn ordered(store: &Store, table: &str, column: &str, dir: &str) -> Vec<String> {
    store
        .read(|c| {
            let sql = format!("SELECT id FROM {table} WHERE deleted_at IS NULL ORDER BY {column} {dir}, id {dir}");
            let mut stmt = c.prepare(&sql)?;
            let ids = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
            Ok(ids)
        })
        .unwrap()
}

#[test]
fn every_sort_pages_in_both_directions_like_a_full_order_by() {
    let t = common::store();
    fill(&t);
    for (command, table, sort, column) in SORTS {
        // The data really has ties and empty values in this column.
        let (rows, distinct, empty): (i64, i64, i64) = t
            .read(|c| {
                Ok(c.query_row(
                    &format!(
                        "SELECT count(*), count(DISTINCT {column}), sum({column} IN ('', 0)) FROM {table} WHERE deleted_at IS NULL"
                    ),
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )?)
            })
            .unwrap();
        if !["name", "updated"].contains(sort) {
            assert!(distinct < rows, "{table}.{column} has no ties");
            assert!(["type", "status", "source"].contains(sort) || empty > 0, "{table}.{column} has no empty value");
        }
        for (desc, dir) in [(false, "ASC"), (true, "DESC")] {
            let paged = walk(&t, command, json!({"sort": sort, "desc": desc}));
            assert_eq!(paged, ordered(&t, table, column, dir), "{command} by {sort} {dir}");
        }
    }
}

fn column_of(store: &Store, command: &str, query: Value, field: &str) -> Vec<Value> {
    call(store, command, query)["rows"].as_array().unwrap().iter().map(|r| r[field].clone()).collect()
}

#[test]
fn text_sorts_ignore_case_and_accents_and_empty_values_come_first() {
    let t = common::store();
    fill(&t);
    let titles = column_of(&t, "contact_list", json!({"sort": "title"}), "title");
    assert_eq!(titles[..2], [json!(""), json!("")]);
    // arzt < ärztin < bauer = Bauer < dichter < zahnarzt
    let named: Vec<_> = titles.iter().filter_map(Value::as_str).filter(|t| !t.is_empty()).collect();
    assert_eq!(named[..2], ["Arzt", "ärztin"]);
    assert_eq!(named[2].to_lowercase(), "bauer");
    assert_eq!(named[3].to_lowercase(), "bauer");
    assert_eq!(named[4..], ["Dichter", "Zahnarzt"]);

    let industries = column_of(&t, "account_list", json!({"sort": "industry", "desc": true}), "industry");
    assert_eq!(industries[0], json!("Öl"));
    assert!(industries[1..3].iter().all(|i| i.as_str().unwrap().eq_ignore_ascii_case("health")));
    assert_eq!(industries[3..], [json!(""), json!("")]);
    let sites = column_of(&t, "account_list", json!({"sort": "website"}), "website");
    assert_eq!(
        sites,
        [json!(""), json!(""), json!("https://www.aerzte.example"), json!("bau.example"), json!("http://Zeta.example")]
    );

    let companies = column_of(&t, "lead_list", json!({"sort": "company"}), "company");
    let folded: Vec<_> = companies.iter().map(|c| c.as_str().unwrap().to_lowercase().replace('ö', "o")).collect();
    assert_eq!(folded, ["", "", "bau", "oko bau", "oko bau", "zeta ltd"]);
}

#[test]
fn scores_sort_as_numbers_and_text_cursors_are_refused_there() {
    let t = common::store();
    fill(&t);
    let scores: Vec<u64> =
        column_of(&t, "lead_list", json!({"sort": "score"}), "score").iter().map(|s| s.as_u64().unwrap()).collect();
    // 3 before 10 and 16: numbers, not text.
    assert_eq!(scores, [0, 3, 8, 10, 16, 16]);
    let page = call(&t, "lead_list", json!({"sort": "score", "limit": 2}));
    let next = page["next"].as_str().unwrap();
    assert!(next.starts_with("[3,"), "{next}");
    // A cursor of the old text key (or of another sort) is refused, not misread.
    let old = format!("[\"003\",{:?}]", ids(&page)[1]);
    let err = dispatch(&t, "lead_list", json!({"sort": "score", "after": old})).unwrap_err();
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Validation, Some("after")));
    let err = dispatch(&t, "lead_list", json!({"sort": "name", "after": next})).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("after"));
}

#[test]
fn starts_with_jumps_to_the_first_match_ascending_and_the_last_descending() {
    let t = common::store();
    fill(&t);
    let first = |command: &str, query: Value, field: &str| column_of(&t, command, query, field)[0].clone();
    assert_eq!(first("contact_list", json!({"sort": "title", "starts_with": "Ä"}), "title"), json!("Arzt"));
    assert_eq!(
        first("contact_list", json!({"sort": "title", "starts_with": "ä", "desc": true}), "title"),
        json!("ärztin")
    );
    assert_eq!(first("contact_list", json!({"sort": "title", "starts_with": "c"}), "title"), json!("Dichter"));
    assert_eq!(
        first("contact_list", json!({"sort": "name", "starts_with": "mu", "desc": true}), "last_name"),
        json!("Muller")
    );
    assert_eq!(first("contact_list", json!({"sort": "phone", "starts_with": "+49"}), "phone"), json!("+49 30 1234567"));
    assert_eq!(first("account_list", json!({"sort": "city", "starts_with": "MÜ"}), "city"), json!("München"));
    assert_eq!(
        first("account_list", json!({"sort": "website", "starts_with": "https://z"}), "website"),
        json!("http://Zeta.example")
    );
    let company = first("lead_list", json!({"sort": "company", "starts_with": "ö"}), "company");
    assert_eq!(company.as_str().unwrap().to_lowercase().replace('ö', "o"), "oko bau");
    assert_eq!(
        first("lead_list", json!({"sort": "name", "starts_with": "z", "desc": true}), "display_name"),
        json!("Zeta")
    );
    assert_eq!(first("lead_list", json!({"sort": "status", "starts_with": "n"}), "status"), json!("new"));
    // Scores have no letters to jump to: the whole list.
    assert_eq!(column_of(&t, "lead_list", json!({"sort": "score", "starts_with": "5"}), "score").len(), 6);
}

#[test]
fn every_sort_walks_its_index_without_sorting() {
    let t = common::store();
    fill(&t);
    let mut conn = rusqlite::Connection::open(t.dir.path().join("test.db")).unwrap();
    // The statements the lists run, with their parameters filled in (FTS5's own start with "--").
    let ran = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let log = ran.clone();
    conn.trace_v2(
        rusqlite::trace::TraceEventCodes::SQLITE_TRACE_STMT,
        Some(move |event: rusqlite::trace::TraceEvent<'_>| {
            if let rusqlite::trace::TraceEvent::Stmt(stmt, _) = event {
                log.lock().unwrap().extend(stmt.expanded_sql());
            }
        }),
    )
    .unwrap();
    let owner: String = conn.query_row("SELECT owner_id FROM contacts LIMIT 1", [], |r| r.get(0)).unwrap();
    for (command, _, sort, _) in SORTS {
        for desc in [false, true] {
            for filter in [json!({}), json!({"owner_id": owner})] {
                let mut query = json!({"sort": sort, "desc": desc, "limit": 2});
                query.as_object_mut().unwrap().extend(filter.as_object().unwrap().clone());
                let first = ran.lock().unwrap().len();
                let page = match *command {
                    "contact_list" => serde_json::to_value(
                        crm_core::contacts::list(&conn, serde_json::from_value(query.clone()).unwrap()).unwrap(),
                    ),
                    "account_list" => serde_json::to_value(
                        crm_core::accounts::list(&conn, serde_json::from_value(query.clone()).unwrap()).unwrap(),
                    ),
                    _ => serde_json::to_value(
                        crm_core::leads::list(&conn, serde_json::from_value(query.clone()).unwrap()).unwrap(),
                    ),
                }
                .unwrap();
                assert_eq!(ids(&page).len(), 2);
                let page_sql = ran.lock().unwrap()[first..]
                    .iter()
                    .find(|s| s.starts_with("SELECT") && s.contains("ORDER BY"))
                    .cloned();
                let page_sql = page_sql.expect("the page query ran");
                let plan: Vec<String> = conn
                    .prepare(&format!("EXPLAIN QUERY PLAN {page_sql}"))
                    .unwrap()
                    .query_map([], |r| r.get(3))
                    .unwrap()
                    .collect::<rusqlite::Result<_>>()
                    .unwrap();
                let plan = plan.join("; ");
                assert!(plan.contains("USING INDEX"), "{command} {query}: {plan}");
                assert!(!plan.contains("TEMP B-TREE"), "{command} {query}: {plan}");
            }
        }
    }
}
