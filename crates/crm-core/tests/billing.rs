//! The document chain after the quote: sales orders, waybills, invoices and their number
//! series, credit notes, payments, service acts and contracts — every status move and the
//! refused ones, numbering without gaps or duplicates, balances following payments.

mod common;

use chrono::{Local, NaiveDate, TimeZone};
use crm_core::commands::dispatch;
use crm_core::{ErrorCode, Store};
use serde_json::{json, Value};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

/// A store whose wall clock the test sets.
struct Fixed {
    store: Store,
    now: Arc<AtomicI64>,
    _dir: tempfile::TempDir,
}

impl Fixed {
    fn new(day: &str) -> Fixed {
        let dir = tempfile::tempdir().unwrap();
        let now = Arc::new(AtomicI64::new(0));
        let wall = now.clone();
        let store =
            Store::open_with_wall(dir.path().join("t.db"), Box::new(move || wall.load(Ordering::SeqCst))).unwrap();
        let f = Fixed { store, now, _dir: dir };
        f.set_day(day);
        f
    }

    fn set_day(&self, day: &str) {
        let d = NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap().and_hms_opt(12, 0, 0).unwrap();
        // noon where the tests run: documents are dated by the local calendar day
        self.now.store(Local.from_local_datetime(&d).unwrap().timestamp_millis(), Ordering::SeqCst);
    }
}

impl std::ops::Deref for Fixed {
    type Target = Store;
    fn deref(&self) -> &Store {
        &self.store
    }
}

fn ok(store: &Store, name: &str, args: Value) -> Value {
    dispatch(store, name, args).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn refused(store: &Store, name: &str, args: Value) -> (ErrorCode, String) {
    let e = dispatch(store, name, args).expect_err(name);
    (e.code, e.field.unwrap_or_default())
}

fn invalid(field: &str) -> (ErrorCode, String) {
    (ErrorCode::Validation, field.into())
}

fn id(v: &Value) -> Value {
    v["id"].clone()
}

fn account(store: &Store) -> Value {
    id(&ok(store, "account_create", json!({"name": "Müller Bau GmbH"})))
}

/// Two lines: 2 × 100.00 at 19 % and 1 × 50.00 at 7 % → 200.00 + 50.00 + 38.00 + 3.50 = 291.50.
fn lines() -> Value {
    json!([
        {"description": "Drill", "quantity": "2", "unit": "pcs", "unit_price": "100.00", "tax_rate": "0.19"},
        {"description": "Setup", "quantity": "1", "unit": "h", "unit_price": "50.00", "tax_rate": "0.07"},
    ])
}

fn invoice(store: &Store, account: &Value) -> Value {
    ok(store, "invoice_create", json!({"subject": "Tools", "account_id": account, "currency": "EUR", "lines": lines()}))
}

fn issued(store: &Store, account: &Value) -> Value {
    let draft = invoice(store, account);
    ok(store, "invoice_issue", json!({"id": draft["id"]}))
}

#[test]
fn orders_move_draft_confirmed_delivered_or_cancelled_and_nothing_else() {
    let t = common::store();
    let acc = account(&t);
    let empty = ok(&t, "order_create", json!({"subject": "Empty", "account_id": acc}));
    assert_eq!((empty["number"].as_str(), empty["status"].as_str()), (Some("SO-00001"), Some("draft")));
    assert_eq!(refused(&t, "order_set_status", json!({"id": empty["id"], "status": "confirmed"})), invalid("lines"));

    let o = ok(&t, "order_create", json!({"subject": "Tools", "account_id": acc, "lines": lines()}));
    assert_eq!(o["number"], "SO-00002");
    assert_eq!(o["totals"]["total"], "291.50");
    let o2 = ok(&t, "order_update", json!({"id": o["id"], "changes": {"discount": {"amount": "10.00"}}}));
    assert_ne!(o2["totals"]["total"], "291.50");
    assert_eq!(refused(&t, "order_set_status", json!({"id": o["id"], "status": "delivered"})), invalid("status"));
    ok(&t, "order_set_status", json!({"id": o["id"], "status": "confirmed"}));
    assert_eq!(refused(&t, "order_update", json!({"id": o["id"], "changes": {"subject": "x"}})).0, ErrorCode::Conflict);
    assert_eq!(refused(&t, "order_delete", json!({"id": o["id"]})).0, ErrorCode::Conflict);
    assert_eq!(refused(&t, "order_set_status", json!({"id": o["id"], "status": "draft"})), invalid("status"));
    ok(&t, "order_set_status", json!({"id": o["id"], "status": "delivered"}));
    for to in ["cancelled", "confirmed", "draft"] {
        assert_eq!(refused(&t, "order_set_status", json!({"id": o["id"], "status": to})), invalid("status"), "{to}");
    }

    // cancelled from draft and from confirmed; nothing after
    ok(&t, "order_set_status", json!({"id": empty["id"], "status": "cancelled"}));
    assert_eq!(refused(&t, "order_set_status", json!({"id": empty["id"], "status": "draft"})), invalid("status"));
    let c = ok(&t, "order_create", json!({"subject": "C", "lines": lines()}));
    ok(&t, "order_set_status", json!({"id": c["id"], "status": "confirmed"}));
    ok(&t, "order_set_status", json!({"id": c["id"], "status": "cancelled"}));

    // a draft is deleted and restored; it keeps its number
    let d = ok(&t, "order_create", json!({"subject": "D"}));
    ok(&t, "order_delete", json!({"id": d["id"]}));
    assert_eq!(ok(&t, "order_create", json!({"subject": "E"}))["number"], "SO-00005");
    assert_eq!(ok(&t, "order_restore", json!({"id": d["id"]}))["number"], "SO-00004");
    let page = ok(&t, "order_list", json!({"status": "cancelled"}));
    assert_eq!(page["total"], 2);
}

#[test]
fn an_order_is_made_from_an_accepted_quote_only() {
    let t = common::store();
    let acc = account(&t);
    let q = ok(
        &t,
        "quote_create",
        json!({"subject": "Offer", "account_id": acc, "lines": lines(), "discount": {"percent": "5"}}),
    );
    assert_eq!(refused(&t, "order_from_quote", json!({"quote_id": q["id"]})), invalid("quote_id"));
    ok(&t, "quote_set_status", json!({"id": q["id"], "status": "sent"}));
    ok(&t, "quote_set_status", json!({"id": q["id"], "status": "accepted"}));
    let o = ok(&t, "order_from_quote", json!({"quote_id": q["id"]}));
    assert_eq!(o["quote_id"], q["id"]);
    assert_eq!(o["account_id"], acc);
    assert_eq!(o["lines"], q["lines"]);
    assert_eq!(o["totals"], q["totals"]);
    assert_eq!(o["discount"], json!({"percent": "5"}));
}

#[test]
fn waybills_deliver_no_more_than_was_ordered_and_the_last_marks_the_order_delivered() {
    let t = common::store();
    let o = ok(&t, "order_create", json!({"subject": "Tools", "lines": lines()}));
    let deliver = |lines: Value| {
        dispatch(&t, "waybill_create", json!({"order_id": o["id"], "date": "2026-05-04", "lines": lines}))
    };
    assert_eq!(deliver(json!([])).unwrap_err().field.as_deref(), Some("order_id"), "a draft order is not delivered");
    ok(&t, "order_set_status", json!({"id": o["id"], "status": "confirmed"}));

    let first = deliver(json!([{"line": 0, "quantity": "1"}])).unwrap();
    assert_eq!(first["number"], "WB-00001");
    assert_eq!(first["lines"][0]["description"], "Drill");
    assert_eq!(ok(&t, "order_get", json!({"id": o["id"]}))["status"], "confirmed");
    assert_eq!(deliver(json!([{"line": 0, "quantity": "2"}])).unwrap_err().field.as_deref(), Some("lines[0].quantity"));
    assert_eq!(deliver(json!([{"line": 5, "quantity": "1"}])).unwrap_err().field.as_deref(), Some("lines[0].line"));
    assert_eq!(deliver(json!([{"line": 1, "quantity": "0"}])).unwrap_err().field.as_deref(), Some("lines[0].quantity"));
    let left = ok(&t, "waybill_outstanding", json!({"id": o["id"]}));
    assert_eq!((left[0]["ordered"].as_str(), left[0]["delivered"].as_str()), (Some("2"), Some("1")));
    assert_eq!(left[0]["remaining"], "1", "what is left to deliver of the first line");

    // empty lines deliver the rest; the order is delivered
    let rest = deliver(json!([])).unwrap();
    assert_eq!(rest["number"], "WB-00002");
    assert_eq!(rest["lines"].as_array().unwrap().len(), 2);
    assert_eq!(ok(&t, "order_get", json!({"id": o["id"]}))["status"], "delivered");
    assert_eq!(refused(&t, "waybill_delete", json!({"id": rest["id"]})).0, ErrorCode::Conflict);
    assert_eq!(ok(&t, "waybill_list", json!({"order_id": o["id"]}))["total"], 2);
}

#[test]
fn invoice_numbers_have_no_gaps_or_duplicates_and_restart_with_the_year() {
    let t = Fixed::new("2026-12-31");
    let acc = account(&t);
    let a = invoice(&t, &acc);
    let b = invoice(&t, &acc);
    let c = invoice(&t, &acc);
    assert_eq!(a["number"], Value::Null, "a draft has no number");
    let a = ok(&t, "invoice_issue", json!({"id": a["id"]}));
    assert_eq!(a["number"], "INV-2026-0001");
    assert_eq!(a["issue_date"], "2026-12-31");
    assert_eq!(a["due_date"], "2027-01-14", "14 days by default");
    // a draft deleted leaves no gap
    ok(&t, "invoice_delete", json!({"id": b["id"]}));
    assert_eq!(ok(&t, "invoice_issue", json!({"id": c["id"]}))["number"], "INV-2026-0002");
    // a refused issue takes no number
    let empty = ok(&t, "invoice_create", json!({"subject": "Nothing"}));
    assert_eq!(refused(&t, "invoice_issue", json!({"id": empty["id"]})), invalid("lines"));

    t.set_day("2027-01-01");
    assert_eq!(issued(&t, &acc)["number"], "INV-2027-0001");
    assert_eq!(issued(&t, &acc)["number"], "INV-2027-0002");
    // a restored draft is issued with the next number, not its own
    ok(&t, "invoice_restore", json!({"id": b["id"]}));
    assert_eq!(ok(&t, "invoice_issue", json!({"id": b["id"]}))["number"], "INV-2027-0003");

    // another pattern: month and two-digit year; the counter is per period
    ok(
        &t,
        "document_settings_update",
        json!({"changes": {"invoice_pattern": "R{YY}{MM}-{SEQ:3}", "payment_terms_days": 30}}),
    );
    let d = ok(&t, "invoice_issue", json!({"id": invoice(&t, &acc)["id"], "date": "2027-02-10"}));
    assert_eq!((d["number"].as_str(), d["due_date"].as_str()), (Some("R2702-001"), Some("2027-03-12")));
    assert_eq!(
        refused(&t, "document_settings_update", json!({"changes": {"invoice_pattern": "INV-{YYYY}"}})),
        invalid("invoice_pattern")
    );

    let numbers: Vec<String> = t
        .read(|c| {
            let mut s = c.prepare("SELECT number FROM invoices WHERE number IS NOT NULL ORDER BY number")?;
            let rows = s.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
            Ok(rows)
        })
        .unwrap();
    assert_eq!(
        numbers,
        ["INV-2026-0001", "INV-2026-0002", "INV-2027-0001", "INV-2027-0002", "INV-2027-0003", "R2702-001"]
    );
}

#[test]
fn an_issued_invoice_keeps_its_lines_and_totals_and_can_only_be_voided() {
    let t = common::store();
    let acc = account(&t);
    let draft = invoice(&t, &acc);
    assert_eq!(refused(&t, "invoice_void", json!({"id": draft["id"]})), invalid("status"));
    let inv = ok(&t, "invoice_issue", json!({"id": draft["id"]}));
    assert_eq!(inv["status"], "issued");
    assert_eq!(refused(&t, "invoice_issue", json!({"id": inv["id"]})), invalid("status"));
    for changes in [json!({"lines": []}), json!({"discount": {"percent": "50"}}), json!({"subject": "Other"})] {
        let e = dispatch(&t, "invoice_update", json!({"id": inv["id"], "changes": changes})).unwrap_err();
        assert_eq!(e.code, ErrorCode::Conflict);
        assert!(e.message.contains("cannot change"), "{}", e.message);
    }
    let tagged = ok(&t, "invoice_update", json!({"id": inv["id"], "changes": {"tags": ["key"]}}));
    assert_eq!(tagged["tags"], json!(["key"]));
    assert_eq!((tagged["totals"].clone(), tagged["lines"].clone()), (inv["totals"].clone(), inv["lines"].clone()));
    assert_eq!(refused(&t, "invoice_delete", json!({"id": inv["id"]})).0, ErrorCode::Conflict);

    let void = ok(&t, "invoice_void", json!({"id": inv["id"]}));
    assert_eq!((void["status"].as_str(), void["number"].clone()), (Some("void"), inv["number"].clone()));
    assert_eq!(refused(&t, "invoice_void", json!({"id": inv["id"]})), invalid("status"));
    assert_eq!(refused(&t, "invoice_issue", json!({"id": inv["id"]})), invalid("status"));
    assert_eq!(refused(&t, "invoice_delete", json!({"id": inv["id"]})).0, ErrorCode::Conflict);
    let to_void = json!([{"invoice_id": inv["id"], "amount": "1.00"}]);
    assert_eq!(
        refused(&t, "payment_create", json!({"amount": "1.00", "allocations": to_void})),
        invalid("allocations[0].invoice_id")
    );
    let credit =
        json!({"invoice_id": inv["id"], "lines": [{"description": "x", "quantity": "-1", "unit_price": "1.00"}]});
    assert_eq!(refused(&t, "credit_note_create", credit), invalid("invoice_id"));
    // a paid invoice is not voided
    let paid = issued(&t, &acc);
    ok(
        &t,
        "payment_create",
        json!({"amount": "291.50", "allocations": [{"invoice_id": paid["id"], "amount": "291.50"}]}),
    );
    assert_eq!(refused(&t, "invoice_void", json!({"id": paid["id"]})), invalid("status"));
}

#[test]
fn credit_notes_have_their_own_series_and_reduce_the_balance() {
    let t = Fixed::new("2026-03-01");
    let acc = account(&t);
    let draft = invoice(&t, &acc);
    let credit = |invoice: &Value, lines: Value| {
        dispatch(&t, "credit_note_create", json!({"invoice_id": invoice["id"], "reason": "Returned", "lines": lines}))
    };
    let one_drill =
        json!([{"description": "Drill returned", "quantity": "-1", "unit_price": "100.00", "tax_rate": "0.19"}]);
    assert_eq!(credit(&draft, one_drill.clone()).unwrap_err().field.as_deref(), Some("invoice_id"));
    let inv = ok(&t, "invoice_issue", json!({"id": draft["id"]}));
    let positive = json!([{"description": "x", "quantity": "1", "unit_price": "1.00"}]);
    assert_eq!(credit(&inv, positive).unwrap_err().field.as_deref(), Some("lines[0].quantity"));

    let cn = credit(&inv, one_drill).unwrap();
    assert_eq!((cn["status"].as_str(), cn["number"].clone()), (Some("draft"), Value::Null));
    assert_eq!(cn["totals"]["total"], "-119.00");
    let found = ok(&t, "search", json!({"q": "returned"}));
    assert_eq!(found["groups"][0]["hits"][0]["title"], "Returned", "a draft is found by its reason");
    assert_eq!(ok(&t, "invoice_get", json!({"id": inv["id"]}))["balance"], "291.50", "a draft credits nothing");
    let cn = ok(&t, "credit_note_issue", json!({"id": cn["id"]}));
    assert_eq!(cn["number"], "CN-2026-0001");
    let after = ok(&t, "invoice_get", json!({"id": inv["id"]}));
    assert_eq!((after["credited"].as_str(), after["balance"].as_str()), (Some("119.00"), Some("172.50")));
    assert_eq!(after["status"], "issued");
    assert_eq!(refused(&t, "credit_note_issue", json!({"id": cn["id"]})), invalid("status"));
    assert_eq!(refused(&t, "invoice_void", json!({"id": inv["id"]})), invalid("status"));

    // crediting more than the balance is refused and takes no number
    let too_much =
        credit(&inv, json!([{"description": "All", "quantity": "-2", "unit_price": "100.00", "tax_rate": "0.19"}]))
            .unwrap();
    assert_eq!(refused(&t, "credit_note_issue", json!({"id": too_much["id"]})), invalid("lines"));
    let rest = credit(&inv, json!([{"description": "Rest", "quantity": "-1", "unit_price": "172.50"}])).unwrap();
    assert_eq!(ok(&t, "credit_note_issue", json!({"id": rest["id"]}))["number"], "CN-2026-0002");
    let settled = ok(&t, "invoice_get", json!({"id": inv["id"]}));
    assert_eq!((settled["balance"].as_str(), settled["status"].as_str()), (Some("0.00"), Some("paid")));
    assert_eq!(ok(&t, "credit_note_list", json!({"invoice_id": inv["id"]}))["total"], 3);
}

#[test]
fn payments_settle_invoices_partly_and_fully_and_over_allocation_is_refused() {
    let t = common::store();
    let acc = account(&t);
    let a = issued(&t, &acc); // 291.50
    let b = issued(&t, &acc); // 291.50
    let pay = |amount: &str, allocations: Value| {
        dispatch(
            &t,
            "payment_create",
            json!({"date": "2026-04-01", "amount": amount, "currency": "EUR", "method": "bank_transfer", "account_id": acc, "allocations": allocations}),
        )
    };
    let status = |inv: &Value| {
        let i = ok(&t, "invoice_get", json!({"id": inv["id"]}));
        (
            i["status"].as_str().unwrap().to_owned(),
            i["paid"].as_str().unwrap().to_owned(),
            i["balance"].as_str().unwrap().to_owned(),
        )
    };
    let st = |s: &str, p: &str, b: &str| (s.to_owned(), p.to_owned(), b.to_owned());

    // over-allocating the payment, the invoice, another currency, twice the same invoice, a draft
    assert_eq!(
        pay("100.00", json!([{"invoice_id": a["id"], "amount": "100.01"}])).unwrap_err().field.as_deref(),
        Some("allocations")
    );
    assert_eq!(
        pay("300.00", json!([{"invoice_id": a["id"], "amount": "300.00"}])).unwrap_err().field.as_deref(),
        Some("allocations[0].amount")
    );
    let usd = dispatch(
        &t,
        "payment_create",
        json!({"amount": "10.00", "currency": "USD", "allocations": [{"invoice_id": a["id"], "amount": "10.00"}]}),
    );
    assert_eq!(usd.unwrap_err().field.as_deref(), Some("allocations[0].invoice_id"));
    let twice =
        pay("20.00", json!([{"invoice_id": a["id"], "amount": "10.00"}, {"invoice_id": a["id"], "amount": "10.00"}]));
    assert_eq!(twice.unwrap_err().field.as_deref(), Some("allocations[1].invoice_id"));
    let draft = invoice(&t, &acc);
    assert_eq!(
        pay("1.00", json!([{"invoice_id": draft["id"], "amount": "1.00"}])).unwrap_err().field.as_deref(),
        Some("allocations[0].invoice_id")
    );
    assert_eq!(pay("0", json!([])).unwrap_err().field.as_deref(), Some("amount"));
    assert_eq!(pay("1.001", json!([])).unwrap_err().field.as_deref(), Some("amount"));
    let out = dispatch(
        &t,
        "payment_create",
        json!({"direction": "out", "amount": "5.00", "allocations": [{"invoice_id": a["id"], "amount": "5.00"}]}),
    );
    assert_eq!(out.unwrap_err().field.as_deref(), Some("allocations"));
    assert_eq!(status(&a), st("issued", "0.00", "291.50"), "nothing refused was written");

    // partial, then one payment across both invoices
    let p1 = pay("100.00", json!([{"invoice_id": a["id"], "amount": "100.00"}])).unwrap();
    assert_eq!(p1["number"], "PAY-00001");
    assert_eq!(status(&a), st("partly_paid", "100.00", "191.50"));
    let p2 = pay(
        "400.00",
        json!([{"invoice_id": a["id"], "amount": "191.50"}, {"invoice_id": b["id"], "amount": "200.00"}]),
    )
    .unwrap();
    assert_eq!(p2["allocated"], "391.50");
    assert_eq!(status(&a), st("paid", "291.50", "0.00"));
    assert_eq!(status(&b), st("partly_paid", "200.00", "91.50"));
    assert_eq!(
        pay("0.01", json!([{"invoice_id": a["id"], "amount": "0.01"}])).unwrap_err().field.as_deref(),
        Some("allocations[0].amount")
    );

    // reallocating moves the balances back and forth; deleting a payment undoes what it paid
    ok(&t, "payment_allocate", json!({"id": p2["id"], "allocations": [{"invoice_id": b["id"], "amount": "291.50"}]}));
    assert_eq!(status(&a), st("partly_paid", "100.00", "191.50"));
    assert_eq!(status(&b), st("paid", "291.50", "0.00"));
    ok(&t, "payment_delete", json!({"id": p1["id"]}));
    assert_eq!(status(&a), st("issued", "0.00", "291.50"));
    let allocation_rows = |payment: &Value| {
        t.read(|c| {
            let sql = "SELECT count(*) FROM payment_allocations WHERE payment_id = ?1 AND deleted_at IS NULL";
            Ok(c.query_row(sql, [payment["id"].as_str().unwrap()], |r| r.get::<_, i64>(0))?)
        })
        .unwrap()
    };
    assert_eq!((allocation_rows(&p1), allocation_rows(&p2)), (0, 1));
    // a restored payment must still fit: not while another pays the invoice in full
    let full = pay("291.50", json!([{"invoice_id": a["id"], "amount": "291.50"}])).unwrap();
    assert_eq!(refused(&t, "payment_restore", json!({"id": p1["id"]})), invalid("allocations[0].amount"));
    ok(&t, "payment_delete", json!({"id": full["id"]}));
    ok(&t, "payment_restore", json!({"id": p1["id"]}));
    assert_eq!(allocation_rows(&p1), 1);
    assert_eq!(status(&a), st("partly_paid", "100.00", "191.50"));
    ok(
        &t,
        "payment_update",
        json!({"id": p1["id"], "changes": {"amount": "291.50", "allocations": [{"invoice_id": a["id"], "amount": "291.50"}]}}),
    );
    assert_eq!(status(&a), st("paid", "291.50", "0.00"));
    assert_eq!(ok(&t, "payment_list", json!({"direction": "in"}))["total"], 2, "the deleted one is not listed");
}

#[test]
fn overdue_follows_the_due_date_and_the_balance() {
    let t = common::store();
    let acc = account(&t);
    let old = ok(&t, "invoice_issue", json!({"id": invoice(&t, &acc)["id"], "date": "2020-01-01"}));
    assert_eq!((old["due_date"].as_str(), old["overdue"].as_bool()), (Some("2020-01-15"), Some(true)));
    let fresh = ok(&t, "invoice_issue", json!({"id": invoice(&t, &acc)["id"], "date": "2999-01-01"}));
    assert_eq!(fresh["overdue"], false);
    let draft = invoice(&t, &acc);
    assert_eq!(draft["overdue"], false);
    let rows = ok(&t, "invoice_overdue", json!({}));
    assert_eq!(rows.as_array().unwrap().iter().map(|r| r["id"].clone()).collect::<Vec<_>>(), vec![old["id"].clone()]);
    // judged on a given day: on the due date it is not yet overdue
    assert_eq!(ok(&t, "invoice_overdue", json!({"today": "2020-01-15"})).as_array().unwrap().len(), 0);
    let page = ok(&t, "invoice_list", json!({}));
    assert_eq!(page["rows"].as_array().unwrap().iter().filter(|r| r["overdue"] == true).count(), 1);
    ok(
        &t,
        "payment_create",
        json!({"amount": "291.50", "allocations": [{"invoice_id": old["id"], "amount": "291.50"}]}),
    );
    assert_eq!(ok(&t, "invoice_get", json!({"id": old["id"]}))["overdue"], false, "a paid invoice is not overdue");
}

#[test]
fn the_chain_from_quote_to_paid_invoice() {
    let t = Fixed::new("2026-06-15");
    let acc = account(&t);
    let book = ok(&t, "price_book_create", json!({"name": "Retail", "currency": "EUR"}));
    let drill = ok(&t, "product_create", json!({"code": "D-1", "name": "Drill", "unit": "pcs", "tax_rate": "0.19"}));
    ok(
        &t,
        "price_book_entry_set",
        json!({"price_book_id": book["id"], "product_id": drill["id"], "unit_price": "99.00"}),
    );
    let quote = ok(
        &t,
        "quote_create",
        json!({"subject": "Tools", "account_id": acc, "price_book_id": book["id"], "lines": [
        {"product_id": drill["id"], "quantity": "2"},
        {"description": "Training", "quantity": "3", "unit": "h", "unit_price": "80.00", "tax_rate": "0.07"},
        {"description": "Case", "quantity": "1", "unit_price": "20.00", "tax_rate": "0.19"},
    ], "discount": {"percent": "5"}}),
    );
    ok(&t, "quote_set_status", json!({"id": quote["id"], "status": "sent"}));
    ok(&t, "quote_set_status", json!({"id": quote["id"], "status": "accepted"}));
    let order = ok(&t, "order_from_quote", json!({"quote_id": quote["id"]}));
    assert_eq!(refused(&t, "invoice_from_order", json!({"order_id": order["id"]})), invalid("order_id"));
    ok(&t, "order_set_status", json!({"id": order["id"], "status": "confirmed"}));
    ok(&t, "waybill_create", json!({"order_id": order["id"]}));
    assert_eq!(ok(&t, "order_get", json!({"id": order["id"]}))["status"], "delivered");

    let invoice = ok(&t, "invoice_from_order", json!({"order_id": order["id"]}));
    assert_eq!((invoice["order_id"].clone(), invoice["quote_id"].clone()), (order["id"].clone(), quote["id"].clone()));
    assert_eq!(invoice["totals"], quote["totals"]);
    let total = quote["totals"]["total"].as_str().unwrap().to_owned();
    let invoice = ok(&t, "invoice_issue", json!({"id": invoice["id"]}));
    assert_eq!(invoice["number"], "INV-2026-0001");

    let half: rust_decimal::Decimal = total.parse::<rust_decimal::Decimal>().unwrap() / rust_decimal::Decimal::from(2);
    let half = half.round_dp(2);
    let rest = total.parse::<rust_decimal::Decimal>().unwrap() - half;
    ok(
        &t,
        "payment_create",
        json!({"amount": half.to_string(), "allocations": [{"invoice_id": invoice["id"], "amount": half.to_string()}]}),
    );
    assert_eq!(ok(&t, "invoice_get", json!({"id": invoice["id"]}))["status"], "partly_paid");
    ok(
        &t,
        "payment_create",
        json!({"amount": rest.to_string(), "method": "card", "allocations": [{"invoice_id": invoice["id"], "amount": rest.to_string()}]}),
    );
    let paid = ok(&t, "invoice_get", json!({"id": invoice["id"]}));
    assert_eq!((paid["status"].as_str(), paid["balance"].as_str()), (Some("paid"), Some("0.00")));

    let act = ok(&t, "act_create", json!({"invoice_id": invoice["id"]}));
    assert_eq!((act["number"].as_str(), act["date"].as_str()), (Some("ACT-00001"), Some("2026-06-15")));
    assert_eq!(act["totals"], paid["totals"]);

    // every document is found by its number and has its history
    let found = ok(&t, "search", json!({"q": "INV-2026"}));
    assert_eq!(found["groups"][0]["record_type"], "invoice");
    assert_eq!(found["groups"][0]["hits"][0]["title"], "INV-2026-0001");
    for number in ["SO-00001", "WB-00001", "PAY-00002", "ACT-00001"] {
        let found = ok(&t, "search", json!({"q": number}));
        assert_eq!(found["groups"][0]["hits"][0]["title"], number, "{number}");
    }
    let history = common::history(&t, invoice["id"].as_str().unwrap());
    let ops: Vec<&str> = history.iter().map(|(op, _, _)| op.as_str()).collect();
    assert_eq!(ops, ["create", "update", "update", "update"], "created, issued, partly paid, paid");
    assert_eq!(history[3].2.as_ref().unwrap()["status"], "partly_paid");
    let timeline = ok(&t, "timeline_get", json!({"id": invoice["id"]}));
    assert_eq!(timeline.as_array().map(Vec::len), Some(4), "{timeline}");
}

#[test]
fn contracts_derive_their_end_and_come_up_for_renewal() {
    let t = common::store();
    let acc = account(&t);
    let base = json!({"subject": "Support", "account_id": acc, "start_date": "2026-01-01", "term_months": 12, "value": "1200.00", "currency": "EUR", "reminder_days": 30});
    let c = ok(&t, "contract_create", base.clone());
    assert_eq!(
        (c["number"].as_str(), c["end_date"].as_str(), c["remind_on"].as_str()),
        (Some("C-00001"), Some("2026-12-31"), Some("2026-12-01"))
    );
    let mut no_end = base.clone();
    no_end.as_object_mut().unwrap().remove("term_months");
    assert_eq!(refused(&t, "contract_create", no_end.clone()), invalid("end_date"));
    no_end["end_date"] = json!("2025-12-31");
    assert_eq!(refused(&t, "contract_create", no_end), invalid("end_date"));
    let mut no_account = base.clone();
    no_account["account_id"] = json!("");
    assert_eq!(refused(&t, "contract_create", no_account), invalid("account_id"));
    let mut bad_value = base.clone();
    bad_value["value"] = json!("-1");
    assert_eq!(refused(&t, "contract_create", bad_value), invalid("value"));

    let longer = ok(&t, "contract_update", json!({"id": c["id"], "changes": {"term_months": 24}}));
    assert_eq!(longer["end_date"], "2027-12-31");

    let due = |today: &str| ok(&t, "contracts_due_for_renewal", json!({"today": today})).as_array().unwrap().len();
    assert_eq!(due("2027-12-15"), 0, "a draft is not reminded");
    assert_eq!(refused(&t, "contract_set_status", json!({"id": c["id"], "status": "expired"})), invalid("status"));
    ok(&t, "contract_set_status", json!({"id": c["id"], "status": "active"}));
    let renewal = ok(&t, "task_list", json!({"record_id": c["id"]}));
    let renewal = &renewal["rows"].as_array().unwrap()[..];
    assert_eq!(renewal.len(), 1, "activating the contract plans its renewal");
    assert_eq!(renewal[0]["due_date"], ok(&t, "contract_get", json!({"id": c["id"]}))["remind_on"]);
    assert!(renewal[0]["subject"].as_str().unwrap().starts_with("Renew contract "), "{}", renewal[0]["subject"]);
    assert_eq!(due("2027-11-30"), 0);
    assert_eq!(due("2027-12-01"), 1);
    assert_eq!(refused(&t, "contract_delete", json!({"id": c["id"]})).0, ErrorCode::Conflict);
    ok(&t, "contract_set_status", json!({"id": c["id"], "status": "expired"}));
    assert_eq!(due("2027-12-15"), 0);
    for to in ["active", "terminated", "draft"] {
        assert_eq!(refused(&t, "contract_set_status", json!({"id": c["id"], "status": to})), invalid("status"), "{to}");
    }
    assert_eq!(
        refused(&t, "contract_update", json!({"id": c["id"], "changes": {"value": "1.00"}})).0,
        ErrorCode::Conflict
    );
    let d = ok(&t, "contract_create", base.clone());
    ok(&t, "contract_set_status", json!({"id": d["id"], "status": "terminated"}));
    let e = ok(&t, "contract_create", base);
    ok(&t, "contract_set_status", json!({"id": e["id"], "status": "active"}));
    ok(&t, "contract_set_status", json!({"id": e["id"], "status": "terminated"}));
    assert_eq!(refused(&t, "contract_set_status", json!({"id": e["id"], "status": "active"})), invalid("status"));
    assert_eq!(ok(&t, "contract_list", json!({"status": "terminated"}))["total"], 2);
    assert_eq!(ok(&t, "search", json!({"q": "C-00002"}))["groups"][0]["hits"][0]["title"], "C-00002");
}
